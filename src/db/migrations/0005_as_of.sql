ALTER TABLE "assignments" ADD COLUMN "published_on" date;
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "accepted_on" date;
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "cancelled_on" date;
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "due_history" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "due_changed_on" date;
--> statement-breakpoint
-- The facts of rows written before the rule, from what was recorded: the document's publication,
-- the acceptance and cancellation times, and the deadline events of the audit log (Vietnam's day).
UPDATE "assignments" a SET
  "published_on" = (coalesce(d."published_at", a."created_at") AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
  "accepted_on" = CASE WHEN a."state" = 'done' THEN coalesce((a."accepted_at" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, a."completed_on") END,
  "cancelled_on" = CASE WHEN a."state" = 'cancelled' THEN (coalesce(a."cancelled_at", a."updated_at") AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END
FROM "documents" d WHERE d."id" = a."document_id";
--> statement-breakpoint
UPDATE "assignments" a SET "due_history" = h."hist", "due_changed_on" = h."last_on"
FROM (
  SELECT e."assignment_id",
    jsonb_agg(jsonb_build_object('on', (e."at" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'from', e."before"->>'due') ORDER BY e."id") AS "hist",
    max((e."at" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS "last_on"
  FROM "events" e
  WHERE e."action" IN ('assignment.deadline_extended', 'assignment.deadline_changed') AND e."assignment_id" IS NOT NULL
  GROUP BY e."assignment_id"
) h WHERE h."assignment_id" = a."id";
--> statement-breakpoint
CREATE TABLE "bucket_summary" (
	"agency_id" uuid NOT NULL,
	"day" date NOT NULL,
	"bucket" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "bucket_summary_agency_id_day_bucket_pk" PRIMARY KEY("agency_id","day","bucket")
);
--> statement-breakpoint
CREATE INDEX "bucket_summary_day_idx" ON "bucket_summary" USING btree ("day","agency_id","bucket","n");
--> statement-breakpoint
-- Filled from the table by the application right after migrating (migrate.ts), with the one rule.
INSERT INTO "settings" ("key", "value") VALUES ('bucket_summary_rebuild', 'true'::jsonb) ON CONFLICT ("key") DO UPDATE SET "value" = 'true'::jsonb;
