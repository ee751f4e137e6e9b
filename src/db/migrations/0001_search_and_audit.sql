-- Free-text search that ignores diacritics: the application stores a folded copy of the text
-- (search_text) and trigram indexes make LIKE '%giai ngan%' fast on millions of rows.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS assignments_search_trgm_idx ON assignments USING gin (search_text gin_trgm_ops);
--> statement-breakpoint
-- The history is append-only: nothing, not even a bug in dondoc, may rewrite it.
CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'events is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_append_only();
--> statement-breakpoint
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();
