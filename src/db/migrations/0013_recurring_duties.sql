-- A recurring duty's rule (the reader's JSON: freq, day, month, text), copied from its item at
-- publication; follow-up moves the deadline to the next occurrence when a period is reported.
ALTER TABLE "assignments" ADD COLUMN IF NOT EXISTS "recurrence" jsonb;
