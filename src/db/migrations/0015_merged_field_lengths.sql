-- Length checks (as 0011) for the columns added beside it: 0011 was written before them.
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_agency_history_length" CHECK (octet_length("agency_history"::text) <= 65536);
