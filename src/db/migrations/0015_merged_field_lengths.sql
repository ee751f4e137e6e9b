-- Length checks (as 0011) for the columns added beside it: 0011 was written before them.
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_agency_history_length" CHECK (octet_length("agency_history"::text) <= 65536);
--> statement-breakpoint
-- The missed paragraphs are excerpts of the document text (a document is at most 5,000,000 characters) with their addressees.
ALTER TABLE "documents" ADD CONSTRAINT "documents_missed_length" CHECK (octet_length("missed"::text) <= 16777216);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_length" CHECK (char_length("kind") <= 64);
--> statement-breakpoint
-- A notice e-mail's text, as long as a notification's body may be.
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_body_length" CHECK (char_length("body") <= 1000000);
