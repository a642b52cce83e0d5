-- The register's sort and search keys as columns the database keeps (ADR 0034); the same columns and B-tree
-- indexes as db/vendor/postgresql/V38 in H2's syntax (a generated column is computed on write without STORED).
-- H2 has no trigram index: a search reads search_text of every finding of the organisation, which the embedded
-- default's registers are small enough for.
ALTER TABLE finding ADD COLUMN severity_rank SMALLINT GENERATED ALWAYS AS (
    CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END);
ALTER TABLE finding ADD COLUMN title_key VARCHAR(300) GENERATED ALWAYS AS (LOWER(title));
ALTER TABLE finding ADD COLUMN owner_key VARCHAR(200) GENERATED ALWAYS AS (LOWER(owner_name));
ALTER TABLE finding ADD COLUMN search_text VARCHAR(1100) GENERATED ALWAYS AS (
    LOWER(title || ' ' || affected_system || ' ' || external_id || ' ' || control_ref));

CREATE INDEX finding_organisation_severity_rank_ix ON finding (organisation_id, severity_rank, created_at, id);
CREATE INDEX finding_organisation_title_key_ix ON finding (organisation_id, title_key, created_at, id);
CREATE INDEX finding_organisation_owner_key_ix ON finding (organisation_id, owner_key, created_at, id);
