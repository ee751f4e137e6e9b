-- Every committed change to the data an answer is made of sends NOTIFY dondoc_data, so that each
-- instance's cache of answers (http/answer-cache.ts) is cleared, whatever wrote the change: a use
-- case, another instance, a CLI command or an operator's SQL. NOTIFY is delivered at commit and
-- collapsed to one per transaction. Sessions are left out: they change with sign-ins, not answers.
CREATE OR REPLACE FUNCTION dondoc_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dondoc_data', '');
  RETURN NULL;
END;
$$;--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema() AND tablename <> 'sessions' AND tablename NOT LIKE '\_\_%'
  LOOP
    EXECUTE format('CREATE TRIGGER dondoc_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION dondoc_data_changed()', t);
  END LOOP;
END;
$$;
