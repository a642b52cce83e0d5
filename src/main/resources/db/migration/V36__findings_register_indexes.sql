-- The register's counts and filters on an organisation with 20,000 findings (bench/findings.sh, ADR 0032). Every
-- page of the register counts its matches; with the indexes of V32 a count on status and severity, or of the
-- overdue ones, read each matching row of the wide finding table (35-50 ms for 20,000 findings on a busy machine).
-- These two indexes hold the columns those filters and counts need, so PostgreSQL answers them from the index
-- alone (index-only scans, ~1 ms), and still serve the default order (due date) and the status filter that the V32
-- indexes served, whose leading columns they repeat; so those are dropped.
CREATE INDEX finding_organisation_status_severity_ix ON finding (organisation_id, status, severity, due_date);
CREATE INDEX finding_organisation_due_status_ix ON finding (organisation_id, due_date, status, severity);
DROP INDEX finding_organisation_status_ix;
DROP INDEX finding_organisation_due_ix;
