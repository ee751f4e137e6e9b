-- Paragraphs of a draft's directive part that read like an instruction but became no task
-- ({start, end, text, lead[]}, from the reader): the review screen marks them "có thể bị bỏ sót"
-- until the clerk makes one a task.
ALTER TABLE "documents" ADD COLUMN "missed" jsonb DEFAULT '[]'::jsonb NOT NULL;
