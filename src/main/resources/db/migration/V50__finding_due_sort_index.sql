-- The register's default order (due date, then the oldest first, then the id; FindingList.order) walked from one
-- index, like the other sort keys of V38 (ADR 0034). V36's (organisation_id, due_date, status, severity) serves the
-- counts of overdue findings, but to page in the register's order PostgreSQL read it and sorted each run of equal due
-- dates again, and a later page read every row it skipped.
CREATE INDEX finding_organisation_due_sort_ix ON finding (organisation_id, due_date, created_at, id);
