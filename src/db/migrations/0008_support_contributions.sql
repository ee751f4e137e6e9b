-- Supporting agencies (phối hợp): the lists ask "which tasks does agency X support", answered by
-- a GIN index on the ids array (containment `@>`), so the scoping stays one SQL predicate.
CREATE INDEX IF NOT EXISTS "assignments_support_agencies_idx" ON "assignments" USING gin ("support_agency_ids" jsonb_path_ops);
--> statement-breakpoint
CREATE TABLE "contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"author_id" uuid,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "contributions_assignment_idx" ON "contributions" USING btree ("assignment_id","created_at");
--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "contribution_id" uuid;
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE no action ON UPDATE no action;
