-- A framework version has a life cycle: an import is a DRAFT only the programme office sees, PUBLISHED versions are
-- offered for new self-evaluations, RETIRED ones stay readable for the evaluations made on them but no new one
-- starts. Every version stored before this migration was visible to everyone and could be evaluated, so it is
-- PUBLISHED. Who changed the status last, and when, is kept for the list; the audit trail has the full history.
ALTER TABLE framework_version ADD COLUMN status VARCHAR(10) DEFAULT 'PUBLISHED' NOT NULL;
ALTER TABLE framework_version ADD COLUMN status_changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE framework_version ADD COLUMN status_changed_by UUID;
ALTER TABLE framework_version ADD CONSTRAINT framework_version_status_ck
    CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED'));
CREATE INDEX framework_version_status_ix ON framework_version (status);

-- The format of an upload is recognised from its content by the import itself, so it is not known when the
-- import row is opened.
ALTER TABLE framework_import ALTER COLUMN kind DROP NOT NULL;
