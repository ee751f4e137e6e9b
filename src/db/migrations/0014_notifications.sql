-- What caused an in-app notification: 'reminder' (a delivery of the reminder engine) or an event
-- of follow-up ('assignment.created', 'completion.accepted', ...), so the bell can say what it is.
ALTER TABLE "notifications" ADD COLUMN "kind" text DEFAULT 'reminder' NOT NULL;--> statement-breakpoint
-- A message written whole when the change happened (a notice e-mail), instead of rendered from
-- reminder_items at delivery time. Null for reminders.
ALTER TABLE "reminder_deliveries" ADD COLUMN "body" text;--> statement-breakpoint
-- Lines the worker left out when it sent (task closed or deadline changed since planning): a
-- digest link lists exactly the lines the message named, not these.
ALTER TABLE "reminder_items" ADD COLUMN "left_out" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "read_at" IS NULL;--> statement-breakpoint
-- The office's inbox: what waits for a decision, oldest first.
CREATE INDEX "progress_reports_pending_idx" ON "progress_reports" USING btree ("created_at") WHERE "kind" = 'completion' AND "review_status" = 'pending';--> statement-breakpoint
CREATE INDEX "extension_requests_pending_idx" ON "extension_requests" USING btree ("created_at") WHERE "status" = 'pending';
