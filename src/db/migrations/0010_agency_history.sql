ALTER TABLE "assignments" ADD COLUMN "agency_history" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "agency_changed_on" date;
--> statement-breakpoint
-- Who led each task before: the reassignment events of the audit log (Vietnam's day), in order.
UPDATE "assignments" a SET "agency_history" = h."hist", "agency_changed_on" = h."last_on"
FROM (
  SELECT e."assignment_id",
    jsonb_agg(jsonb_build_object('on', (e."at" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'from', e."before"->>'agencyId') ORDER BY e."id") AS "hist",
    max((e."at" AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS "last_on"
  FROM "events" e
  WHERE e."action" = 'assignment.reassign' AND e."assignment_id" IS NOT NULL AND e."before"->>'agencyId' IS NOT NULL
  GROUP BY e."assignment_id"
) h WHERE h."assignment_id" = a."id";
--> statement-breakpoint
CREATE INDEX "assignments_agency_changed_idx" ON "assignments" USING btree ("agency_changed_on") WHERE "assignments"."agency_changed_on" is not null;
--> statement-breakpoint
-- The summary now moves a reassigned task between agencies on its day: rebuilt after migrating.
INSERT INTO "settings" ("key", "value") VALUES ('bucket_summary_rebuild', 'true'::jsonb) ON CONFLICT ("key") DO UPDATE SET "value" = 'true'::jsonb;
