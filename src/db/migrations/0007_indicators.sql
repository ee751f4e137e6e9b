CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"period_kind" text NOT NULL,
	"owner_agency_id" uuid,
	"direction" text DEFAULT 'higher' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_code_unique" UNIQUE("code"),
	CONSTRAINT "indicators_period_kind_check" CHECK ("period_kind" IN ('month', 'quarter', 'half', 'year')),
	CONSTRAINT "indicators_direction_check" CHECK ("direction" IN ('higher', 'lower'))
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"value" numeric NOT NULL,
	"note" text,
	CONSTRAINT "indicator_targets_indicator_id_period_pk" PRIMARY KEY("indicator_id","period")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"agency_id" uuid,
	"value" numeric NOT NULL,
	"source" text NOT NULL,
	"document_id" uuid,
	"source_text" text,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_key" UNIQUE NULLS NOT DISTINCT("indicator_id","period","agency_id"),
	CONSTRAINT "indicator_values_source_check" CHECK ("source" IN ('screen', 'xlsx', 'notice'))
);
--> statement-breakpoint
CREATE TABLE "indicator_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"start_offset" integer NOT NULL,
	"end_offset" integer NOT NULL,
	"name" text NOT NULL,
	"value" numeric NOT NULL,
	"unit" text NOT NULL,
	"comparison" jsonb NOT NULL,
	"qualifier" text,
	"source_text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"indicator_id" uuid,
	"value_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_proposals_key" UNIQUE("document_id","start_offset"),
	CONSTRAINT "indicator_proposals_status_check" CHECK ("status" IN ('pending', 'accepted', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_owner_agency_id_agencies_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_proposals" ADD CONSTRAINT "indicator_proposals_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_proposals" ADD CONSTRAINT "indicator_proposals_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_proposals" ADD CONSTRAINT "indicator_proposals_value_id_indicator_values_id_fk" FOREIGN KEY ("value_id") REFERENCES "public"."indicator_values"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_proposals" ADD CONSTRAINT "indicator_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_proposals_status_idx" ON "indicator_proposals" USING btree ("document_id","status");--> statement-breakpoint
CREATE INDEX "indicator_values_agency_idx" ON "indicator_values" USING btree ("agency_id");
