-- Every text field has a maximum length (field-limits.ts), held by the database too, so that no
-- code path can store a megabyte where a name belongs. Existing over-long values are shortened
-- first so that the migration cannot fail on a province's data: codes and user names keep a hash
-- suffix so they stay unique; over-long aliases (never a real name) are removed. The history
-- (events) is append-only and not rewritten: its limits hold for new rows (NOT VALID).

UPDATE "agencies" SET "code" = left("code", 55) || '~' || left(md5("code"), 8) WHERE char_length("code") > 64;
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_code_length" CHECK (char_length("code") <= 64);
--> statement-breakpoint
UPDATE "agencies" SET "name" = left("name", 300) WHERE char_length("name") > 300;
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_name_length" CHECK (char_length("name") <= 300);
--> statement-breakpoint
UPDATE "agencies" SET "short_name" = left("short_name", 100) WHERE char_length("short_name") > 100;
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_short_name_length" CHECK (char_length("short_name") <= 100);
--> statement-breakpoint
UPDATE "agencies" SET "kind" = left("kind", 32) WHERE char_length("kind") > 32;
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_kind_length" CHECK (char_length("kind") <= 32);
--> statement-breakpoint
UPDATE "agencies" SET "email" = left("email", 254) WHERE char_length("email") > 254;
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_email_length" CHECK (char_length("email") <= 254);
--> statement-breakpoint
DELETE FROM "agency_aliases" WHERE char_length("alias") > 300;
--> statement-breakpoint
ALTER TABLE "agency_aliases" ADD CONSTRAINT "agency_aliases_alias_length" CHECK (char_length("alias") <= 300);
--> statement-breakpoint
DELETE FROM "agency_aliases" WHERE char_length("key") > 300;
--> statement-breakpoint
ALTER TABLE "agency_aliases" ADD CONSTRAINT "agency_aliases_key_length" CHECK (char_length("key") <= 300);
--> statement-breakpoint
UPDATE "groups" SET "code" = left("code", 55) || '~' || left(md5("code"), 8) WHERE char_length("code") > 64;
--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_code_length" CHECK (char_length("code") <= 64);
--> statement-breakpoint
UPDATE "groups" SET "name" = left("name", 300) WHERE char_length("name") > 300;
--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_name_length" CHECK (char_length("name") <= 300);
--> statement-breakpoint
UPDATE "groups" SET "aliases" = CASE jsonb_typeof("aliases") WHEN 'array' THEN '[]'::jsonb ELSE '{}'::jsonb END WHERE octet_length("aliases"::text) > 65536;
--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_aliases_length" CHECK (octet_length("aliases"::text) <= 65536);
--> statement-breakpoint
UPDATE "users" SET "username" = left("username", 55) || '~' || left(md5("username"), 8) WHERE char_length("username") > 64;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_username_length" CHECK (char_length("username") <= 64);
--> statement-breakpoint
UPDATE "users" SET "display_name" = left("display_name", 300) WHERE char_length("display_name") > 300;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_display_name_length" CHECK (char_length("display_name") <= 300);
--> statement-breakpoint
UPDATE "users" SET "email" = left("email", 254) WHERE char_length("email") > 254;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_email_length" CHECK (char_length("email") <= 254);
--> statement-breakpoint
UPDATE "users" SET "password_hash" = left("password_hash", 512) WHERE char_length("password_hash") > 512;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_password_hash_length" CHECK (char_length("password_hash") <= 512);
--> statement-breakpoint
UPDATE "users" SET "role" = left("role", 32) WHERE char_length("role") > 32;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_length" CHECK (char_length("role") <= 32);
--> statement-breakpoint
UPDATE "users" SET "sectors" = left("sectors", 1000) WHERE char_length("sectors") > 1000;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_sectors_length" CHECK (char_length("sectors") <= 1000);
--> statement-breakpoint
UPDATE "users" SET "channels" = CASE jsonb_typeof("channels") WHEN 'array' THEN '[]'::jsonb ELSE '{}'::jsonb END WHERE octet_length("channels"::text) > 1024;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_channels_length" CHECK (octet_length("channels"::text) <= 1024);
--> statement-breakpoint
UPDATE "sessions" SET "id" = left("id", 128) WHERE char_length("id") > 128;
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_id_length" CHECK (char_length("id") <= 128);
--> statement-breakpoint
UPDATE "sessions" SET "csrf_token" = left("csrf_token", 128) WHERE char_length("csrf_token") > 128;
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_csrf_token_length" CHECK (char_length("csrf_token") <= 128);
--> statement-breakpoint
UPDATE "api_tokens" SET "name" = left("name", 200) WHERE char_length("name") > 200;
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_name_length" CHECK (char_length("name") <= 200);
--> statement-breakpoint
UPDATE "api_tokens" SET "token_hash" = left("token_hash", 128) WHERE char_length("token_hash") > 128;
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_token_hash_length" CHECK (char_length("token_hash") <= 128);
--> statement-breakpoint
UPDATE "documents" SET "kind" = left("kind", 200) WHERE char_length("kind") > 200;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_kind_length" CHECK (char_length("kind") <= 200);
--> statement-breakpoint
UPDATE "documents" SET "number" = left("number", 200) WHERE char_length("number") > 200;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_number_length" CHECK (char_length("number") <= 200);
--> statement-breakpoint
UPDATE "documents" SET "issuer" = left("issuer", 300) WHERE char_length("issuer") > 300;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_issuer_length" CHECK (char_length("issuer") <= 300);
--> statement-breakpoint
UPDATE "documents" SET "place" = left("place", 200) WHERE char_length("place") > 200;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_place_length" CHECK (char_length("place") <= 200);
--> statement-breakpoint
UPDATE "documents" SET "subject" = left("subject", 2000) WHERE char_length("subject") > 2000;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_subject_length" CHECK (char_length("subject") <= 2000);
--> statement-breakpoint
UPDATE "documents" SET "signer" = left("signer", 300) WHERE char_length("signer") > 300;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_signer_length" CHECK (char_length("signer") <= 300);
--> statement-breakpoint
UPDATE "documents" SET "signer_title" = left("signer_title", 200) WHERE char_length("signer_title") > 200;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_signer_title_length" CHECK (char_length("signer_title") <= 200);
--> statement-breakpoint
UPDATE "documents" SET "signing_form" = left("signing_form", 200) WHERE char_length("signing_form") > 200;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_signing_form_length" CHECK (char_length("signing_form") <= 200);
--> statement-breakpoint
UPDATE "documents" SET "chair" = left("chair", 300) WHERE char_length("chair") > 300;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_chair_length" CHECK (char_length("chair") <= 300);
--> statement-breakpoint
UPDATE "documents" SET "text" = left("text", 5000000) WHERE char_length("text") > 5000000;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_text_length" CHECK (char_length("text") <= 5000000);
--> statement-breakpoint
UPDATE "documents" SET "file_name" = left("file_name", 255) WHERE char_length("file_name") > 255;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_file_name_length" CHECK (char_length("file_name") <= 255);
--> statement-breakpoint
UPDATE "documents" SET "file_mime" = left("file_mime", 255) WHERE char_length("file_mime") > 255;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_file_mime_length" CHECK (char_length("file_mime") <= 255);
--> statement-breakpoint
UPDATE "documents" SET "status" = left("status", 32) WHERE char_length("status") > 32;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_status_length" CHECK (char_length("status") <= 32);
--> statement-breakpoint
UPDATE "documents" SET "recipients" = CASE jsonb_typeof("recipients") WHEN 'array' THEN '[]'::jsonb ELSE '{}'::jsonb END WHERE octet_length("recipients"::text) > 262144;
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_recipients_length" CHECK (octet_length("recipients"::text) <= 262144);
--> statement-breakpoint
UPDATE "directive_items" SET "ref" = left("ref", 60) WHERE char_length("ref") > 60;
--> statement-breakpoint
ALTER TABLE "directive_items" ADD CONSTRAINT "directive_items_ref_length" CHECK (char_length("ref") <= 60);
--> statement-breakpoint
UPDATE "directive_items" SET "text" = left("text", 20000) WHERE char_length("text") > 20000;
--> statement-breakpoint
ALTER TABLE "directive_items" ADD CONSTRAINT "directive_items_text_length" CHECK (char_length("text") <= 20000);
--> statement-breakpoint
UPDATE "directive_items" SET "due_text" = left("due_text", 500) WHERE char_length("due_text") > 500;
--> statement-breakpoint
ALTER TABLE "directive_items" ADD CONSTRAINT "directive_items_due_text_length" CHECK (char_length("due_text") <= 500);
--> statement-breakpoint
UPDATE "directive_items" SET "recurrence" = left("recurrence", 500) WHERE char_length("recurrence") > 500;
--> statement-breakpoint
ALTER TABLE "directive_items" ADD CONSTRAINT "directive_items_recurrence_length" CHECK (char_length("recurrence") <= 500);
--> statement-breakpoint
UPDATE "directive_items" SET "expected_result" = left("expected_result", 5000) WHERE char_length("expected_result") > 5000;
--> statement-breakpoint
ALTER TABLE "directive_items" ADD CONSTRAINT "directive_items_expected_result_length" CHECK (char_length("expected_result") <= 5000);
--> statement-breakpoint
UPDATE "directive_items" SET "report_to" = left("report_to", 500) WHERE char_length("report_to") > 500;
--> statement-breakpoint
ALTER TABLE "directive_items" ADD CONSTRAINT "directive_items_report_to_length" CHECK (char_length("report_to") <= 500);
--> statement-breakpoint
UPDATE "directive_items" SET "leads" = CASE jsonb_typeof("leads") WHEN 'array' THEN '[]'::jsonb ELSE '{}'::jsonb END WHERE octet_length("leads"::text) > 65536;
--> statement-breakpoint
ALTER TABLE "directive_items" ADD CONSTRAINT "directive_items_leads_length" CHECK (octet_length("leads"::text) <= 65536);
--> statement-breakpoint
UPDATE "directive_items" SET "supports" = CASE jsonb_typeof("supports") WHEN 'array' THEN '[]'::jsonb ELSE '{}'::jsonb END WHERE octet_length("supports"::text) > 65536;
--> statement-breakpoint
ALTER TABLE "directive_items" ADD CONSTRAINT "directive_items_supports_length" CHECK (octet_length("supports"::text) <= 65536);
--> statement-breakpoint
UPDATE "directive_items" SET "review" = CASE jsonb_typeof("review") WHEN 'array' THEN '[]'::jsonb ELSE '{}'::jsonb END WHERE octet_length("review"::text) > 16384;
--> statement-breakpoint
ALTER TABLE "directive_items" ADD CONSTRAINT "directive_items_review_length" CHECK (octet_length("review"::text) <= 16384);
--> statement-breakpoint
UPDATE "assignments" SET "due_text" = left("due_text", 500) WHERE char_length("due_text") > 500;
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_due_text_length" CHECK (char_length("due_text") <= 500);
--> statement-breakpoint
UPDATE "assignments" SET "state" = left("state", 32) WHERE char_length("state") > 32;
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_state_length" CHECK (char_length("state") <= 32);
--> statement-breakpoint
UPDATE "assignments" SET "cancel_reason" = left("cancel_reason", 5000) WHERE char_length("cancel_reason") > 5000;
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_cancel_reason_length" CHECK (char_length("cancel_reason") <= 5000);
--> statement-breakpoint
UPDATE "assignments" SET "outlook" = left("outlook", 32) WHERE char_length("outlook") > 32;
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_outlook_length" CHECK (char_length("outlook") <= 32);
--> statement-breakpoint
UPDATE "assignments" SET "search_text" = left("search_text", 40000) WHERE char_length("search_text") > 40000;
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_search_text_length" CHECK (char_length("search_text") <= 40000);
--> statement-breakpoint
UPDATE "assignments" SET "support_agency_ids" = CASE jsonb_typeof("support_agency_ids") WHEN 'array' THEN '[]'::jsonb ELSE '{}'::jsonb END WHERE octet_length("support_agency_ids"::text) > 65536;
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_support_agency_ids_length" CHECK (octet_length("support_agency_ids"::text) <= 65536);
--> statement-breakpoint
UPDATE "assignments" SET "support_names" = CASE jsonb_typeof("support_names") WHEN 'array' THEN '[]'::jsonb ELSE '{}'::jsonb END WHERE octet_length("support_names"::text) > 65536;
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_support_names_length" CHECK (octet_length("support_names"::text) <= 65536);
--> statement-breakpoint
UPDATE "assignments" SET "due_history" = CASE jsonb_typeof("due_history") WHEN 'array' THEN '[]'::jsonb ELSE '{}'::jsonb END WHERE octet_length("due_history"::text) > 65536;
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_due_history_length" CHECK (octet_length("due_history"::text) <= 65536);
--> statement-breakpoint
UPDATE "bucket_summary" SET "bucket" = left("bucket", 32) WHERE char_length("bucket") > 32;
--> statement-breakpoint
ALTER TABLE "bucket_summary" ADD CONSTRAINT "bucket_summary_bucket_length" CHECK (char_length("bucket") <= 32);
--> statement-breakpoint
UPDATE "progress_reports" SET "kind" = left("kind", 32) WHERE char_length("kind") > 32;
--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_kind_length" CHECK (char_length("kind") <= 32);
--> statement-breakpoint
UPDATE "progress_reports" SET "text" = left("text", 20000) WHERE char_length("text") > 20000;
--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_text_length" CHECK (char_length("text") <= 20000);
--> statement-breakpoint
UPDATE "progress_reports" SET "outlook" = left("outlook", 32) WHERE char_length("outlook") > 32;
--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_outlook_length" CHECK (char_length("outlook") <= 32);
--> statement-breakpoint
UPDATE "progress_reports" SET "outlook_reason" = left("outlook_reason", 5000) WHERE char_length("outlook_reason") > 5000;
--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_outlook_reason_length" CHECK (char_length("outlook_reason") <= 5000);
--> statement-breakpoint
UPDATE "progress_reports" SET "review_status" = left("review_status", 32) WHERE char_length("review_status") > 32;
--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_review_status_length" CHECK (char_length("review_status") <= 32);
--> statement-breakpoint
UPDATE "progress_reports" SET "review_note" = left("review_note", 5000) WHERE char_length("review_note") > 5000;
--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_review_note_length" CHECK (char_length("review_note") <= 5000);
--> statement-breakpoint
UPDATE "attachments" SET "file_name" = left("file_name", 255) WHERE char_length("file_name") > 255;
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_file_name_length" CHECK (char_length("file_name") <= 255);
--> statement-breakpoint
UPDATE "attachments" SET "mime" = left("mime", 255) WHERE char_length("mime") > 255;
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_mime_length" CHECK (char_length("mime") <= 255);
--> statement-breakpoint
UPDATE "attachments" SET "sha256" = left("sha256", 128) WHERE char_length("sha256") > 128;
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_sha256_length" CHECK (char_length("sha256") <= 128);
--> statement-breakpoint
UPDATE "extension_requests" SET "reason" = left("reason", 5000) WHERE char_length("reason") > 5000;
--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_reason_length" CHECK (char_length("reason") <= 5000);
--> statement-breakpoint
UPDATE "extension_requests" SET "status" = left("status", 32) WHERE char_length("status") > 32;
--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_status_length" CHECK (char_length("status") <= 32);
--> statement-breakpoint
UPDATE "extension_requests" SET "decision_note" = left("decision_note", 5000) WHERE char_length("decision_note") > 5000;
--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_decision_note_length" CHECK (char_length("decision_note") <= 5000);
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_actor_name_length" CHECK (char_length("actor_name") <= 300) NOT VALID;
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_action_length" CHECK (char_length("action") <= 100) NOT VALID;
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_entity_length" CHECK (char_length("entity") <= 100) NOT VALID;
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_entity_id_length" CHECK (char_length("entity_id") <= 100) NOT VALID;
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_before_length" CHECK (octet_length("before"::text) <= 262144) NOT VALID;
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_after_length" CHECK (octet_length("after"::text) <= 262144) NOT VALID;
--> statement-breakpoint
UPDATE "settings" SET "key" = left("key", 100) WHERE char_length("key") > 100;
--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_key_length" CHECK (char_length("key") <= 100);
--> statement-breakpoint
UPDATE "settings" SET "value" = CASE jsonb_typeof("value") WHEN 'array' THEN '[]'::jsonb ELSE '{}'::jsonb END WHERE octet_length("value"::text) > 1048576;
--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_value_length" CHECK (octet_length("value"::text) <= 1048576);
--> statement-breakpoint
UPDATE "notifications" SET "title" = left("title", 10000) WHERE char_length("title") > 10000;
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_title_length" CHECK (char_length("title") <= 10000);
--> statement-breakpoint
UPDATE "notifications" SET "body" = left("body", 1000000) WHERE char_length("body") > 1000000;
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_body_length" CHECK (char_length("body") <= 1000000);
--> statement-breakpoint
UPDATE "notifications" SET "link" = left("link", 2000) WHERE char_length("link") > 2000;
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_link_length" CHECK (char_length("link") <= 2000);
--> statement-breakpoint
UPDATE "reminder_deliveries" SET "dedupe_key" = left("dedupe_key", 1000) WHERE char_length("dedupe_key") > 1000;
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_dedupe_key_length" CHECK (char_length("dedupe_key") <= 1000);
--> statement-breakpoint
UPDATE "reminder_deliveries" SET "recipient_key" = left("recipient_key", 300) WHERE char_length("recipient_key") > 300;
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_recipient_key_length" CHECK (char_length("recipient_key") <= 300);
--> statement-breakpoint
UPDATE "reminder_deliveries" SET "recipient_name" = left("recipient_name", 300) WHERE char_length("recipient_name") > 300;
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_recipient_name_length" CHECK (char_length("recipient_name") <= 300);
--> statement-breakpoint
UPDATE "reminder_deliveries" SET "channel" = left("channel", 32) WHERE char_length("channel") > 32;
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_channel_length" CHECK (char_length("channel") <= 32);
--> statement-breakpoint
UPDATE "reminder_deliveries" SET "target" = left("target", 2000) WHERE char_length("target") > 2000;
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_target_length" CHECK (char_length("target") <= 2000);
--> statement-breakpoint
UPDATE "reminder_deliveries" SET "message_id" = left("message_id", 300) WHERE char_length("message_id") > 300;
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_message_id_length" CHECK (char_length("message_id") <= 300);
--> statement-breakpoint
UPDATE "reminder_deliveries" SET "status" = left("status", 32) WHERE char_length("status") > 32;
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_status_length" CHECK (char_length("status") <= 32);
--> statement-breakpoint
UPDATE "reminder_deliveries" SET "locked_by" = left("locked_by", 300) WHERE char_length("locked_by") > 300;
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_locked_by_length" CHECK (char_length("locked_by") <= 300);
--> statement-breakpoint
UPDATE "reminder_deliveries" SET "last_error" = left("last_error", 5000) WHERE char_length("last_error") > 5000;
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_last_error_length" CHECK (char_length("last_error") <= 5000);
--> statement-breakpoint
UPDATE "reminder_deliveries" SET "subject" = left("subject", 10000) WHERE char_length("subject") > 10000;
--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_subject_length" CHECK (char_length("subject") <= 10000);
--> statement-breakpoint
UPDATE "reminder_items" SET "rule" = left("rule", 100) WHERE char_length("rule") > 100;
--> statement-breakpoint
ALTER TABLE "reminder_items" ADD CONSTRAINT "reminder_items_rule_length" CHECK (char_length("rule") <= 100);
--> statement-breakpoint
UPDATE "reminder_items" SET "recipient_key" = left("recipient_key", 300) WHERE char_length("recipient_key") > 300;
--> statement-breakpoint
ALTER TABLE "reminder_items" ADD CONSTRAINT "reminder_items_recipient_key_length" CHECK (char_length("recipient_key") <= 300);
--> statement-breakpoint
UPDATE "reminder_items" SET "channel" = left("channel", 32) WHERE char_length("channel") > 32;
--> statement-breakpoint
ALTER TABLE "reminder_items" ADD CONSTRAINT "reminder_items_channel_length" CHECK (char_length("channel") <= 32);
--> statement-breakpoint
UPDATE "reminder_items" SET "target" = left("target", 2000) WHERE char_length("target") > 2000;
--> statement-breakpoint
ALTER TABLE "reminder_items" ADD CONSTRAINT "reminder_items_target_length" CHECK (char_length("target") <= 2000);
--> statement-breakpoint
UPDATE "webhooks" SET "url" = left("url", 2000) WHERE char_length("url") > 2000;
--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_url_length" CHECK (char_length("url") <= 2000);
--> statement-breakpoint
UPDATE "webhooks" SET "secret" = left("secret", 200) WHERE char_length("secret") > 200;
--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_secret_length" CHECK (char_length("secret") <= 200);
--> statement-breakpoint
UPDATE "webhooks" SET "description" = left("description", 500) WHERE char_length("description") > 500;
--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_description_length" CHECK (char_length("description") <= 500);
--> statement-breakpoint
UPDATE "indicators" SET "code" = left("code", 55) || '~' || left(md5("code"), 8) WHERE char_length("code") > 64;
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_code_length" CHECK (char_length("code") <= 64);
--> statement-breakpoint
UPDATE "indicators" SET "name" = left("name", 300) WHERE char_length("name") > 300;
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_name_length" CHECK (char_length("name") <= 300);
--> statement-breakpoint
UPDATE "indicators" SET "unit" = left("unit", 60) WHERE char_length("unit") > 60;
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_unit_length" CHECK (char_length("unit") <= 60);
--> statement-breakpoint
UPDATE "indicators" SET "period_kind" = left("period_kind", 32) WHERE char_length("period_kind") > 32;
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_period_kind_length" CHECK (char_length("period_kind") <= 32);
--> statement-breakpoint
UPDATE "indicators" SET "direction" = left("direction", 32) WHERE char_length("direction") > 32;
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_direction_length" CHECK (char_length("direction") <= 32);
--> statement-breakpoint
UPDATE "indicators" SET "note" = left("note", 5000) WHERE char_length("note") > 5000;
--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_note_length" CHECK (char_length("note") <= 5000);
--> statement-breakpoint
DELETE FROM "indicator_targets" WHERE char_length("period") > 16;
--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_period_length" CHECK (char_length("period") <= 16);
--> statement-breakpoint
UPDATE "indicator_targets" SET "note" = left("note", 5000) WHERE char_length("note") > 5000;
--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_note_length" CHECK (char_length("note") <= 5000);
--> statement-breakpoint
DELETE FROM "indicator_values" WHERE char_length("period") > 16;
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_period_length" CHECK (char_length("period") <= 16);
--> statement-breakpoint
UPDATE "indicator_values" SET "source" = left("source", 32) WHERE char_length("source") > 32;
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_source_length" CHECK (char_length("source") <= 32);
--> statement-breakpoint
UPDATE "indicator_values" SET "source_text" = left("source_text", 5000) WHERE char_length("source_text") > 5000;
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_source_text_length" CHECK (char_length("source_text") <= 5000);
--> statement-breakpoint
UPDATE "indicator_proposals" SET "name" = left("name", 300) WHERE char_length("name") > 300;
--> statement-breakpoint
ALTER TABLE "indicator_proposals" ADD CONSTRAINT "indicator_proposals_name_length" CHECK (char_length("name") <= 300);
--> statement-breakpoint
UPDATE "indicator_proposals" SET "comparison" = CASE jsonb_typeof("comparison") WHEN 'array' THEN '[]'::jsonb ELSE '{}'::jsonb END WHERE octet_length("comparison"::text) > 16384;
--> statement-breakpoint
ALTER TABLE "indicator_proposals" ADD CONSTRAINT "indicator_proposals_comparison_length" CHECK (octet_length("comparison"::text) <= 16384);
--> statement-breakpoint
UPDATE "indicator_proposals" SET "unit" = left("unit", 60) WHERE char_length("unit") > 60;
--> statement-breakpoint
ALTER TABLE "indicator_proposals" ADD CONSTRAINT "indicator_proposals_unit_length" CHECK (char_length("unit") <= 60);
--> statement-breakpoint
UPDATE "indicator_proposals" SET "qualifier" = left("qualifier", 32) WHERE char_length("qualifier") > 32;
--> statement-breakpoint
ALTER TABLE "indicator_proposals" ADD CONSTRAINT "indicator_proposals_qualifier_length" CHECK (char_length("qualifier") <= 32);
--> statement-breakpoint
UPDATE "indicator_proposals" SET "source_text" = left("source_text", 5000) WHERE char_length("source_text") > 5000;
--> statement-breakpoint
ALTER TABLE "indicator_proposals" ADD CONSTRAINT "indicator_proposals_source_text_length" CHECK (char_length("source_text") <= 5000);
--> statement-breakpoint
UPDATE "indicator_proposals" SET "status" = left("status", 32) WHERE char_length("status") > 32;
--> statement-breakpoint
ALTER TABLE "indicator_proposals" ADD CONSTRAINT "indicator_proposals_status_length" CHECK (char_length("status") <= 32);
