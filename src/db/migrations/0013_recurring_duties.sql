-- A recurring duty's rule (the reader's JSON: freq, day, month, text), copied from its item at
-- publication; follow-up moves the deadline to the next occurrence when a period is reported.
ALTER TABLE "assignments" ADD COLUMN IF NOT EXISTS "recurrence" jsonb;
--> statement-breakpoint
-- As long as the item's rule it is copied from (0011: directive_items.recurrence ≤ 500).
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_recurrence_length" CHECK (octet_length("recurrence"::text) <= 500);
