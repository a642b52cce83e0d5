-- The register's sort and search keys as columns the database keeps (ADR 0034), so that sorting by severity, owner
-- or title walks an index instead of computing an expression for every finding of the organisation, and a search
-- reads one lower-cased text per finding (found through a trigram index) instead of lower-casing four columns.
-- Generated columns: nothing in the application writes them, so they can never disagree with the finding.
-- H2 gets the same columns in db/vendor/h2 (its syntax has no STORED; it has no trigram index).
ALTER TABLE finding ADD COLUMN severity_rank SMALLINT GENERATED ALWAYS AS (
    CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END) STORED;
ALTER TABLE finding ADD COLUMN title_key VARCHAR(300) GENERATED ALWAYS AS (LOWER(title)) STORED;
ALTER TABLE finding ADD COLUMN owner_key VARCHAR(200) GENERATED ALWAYS AS (LOWER(owner_name)) STORED;
ALTER TABLE finding ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
    LOWER(title || ' ' || affected_system || ' ' || external_id || ' ' || control_ref)) STORED;

CREATE INDEX finding_organisation_severity_rank_ix ON finding (organisation_id, severity_rank, created_at, id);
CREATE INDEX finding_organisation_title_key_ix ON finding (organisation_id, title_key, created_at, id);
CREATE INDEX finding_organisation_owner_key_ix ON finding (organisation_id, owner_key, created_at, id);

-- pg_trgm ships with PostgreSQL and is a trusted extension (PostgreSQL 13+): the database's owner may create it.
-- An administrator may have created it before, in another schema than Bolwerk's: the operator class is named with
-- the schema the extension lives in, wherever that is.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$
DECLARE
    trgm_schema TEXT;
BEGIN
    SELECT n.nspname INTO trgm_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE INDEX finding_search_text_trgm_ix ON finding USING gin (search_text %I.gin_trgm_ops)',
                   trgm_schema);
END
$$;
