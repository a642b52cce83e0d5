-- Evidence for an answer: an uploaded file (kept in the database, so every node serves it and a backup holds
-- it; never under the web root) or a link. Files are served as attachments only.
CREATE TABLE assessment_evidence (
    organisation_id UUID                     NOT NULL,
    id              UUID                     NOT NULL,
    assessment_id   UUID                     NOT NULL,
    control_ref     VARCHAR(40)              NOT NULL,
    kind            VARCHAR(10)              NOT NULL,
    name            VARCHAR(255)             NOT NULL,
    content_type    VARCHAR(100),
    size_bytes      BIGINT,
    content         BYTEA,
    url             VARCHAR(2000),
    uploaded_by     UUID                     NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT assessment_evidence_pk PRIMARY KEY (organisation_id, id),
    CONSTRAINT assessment_evidence_fk FOREIGN KEY (organisation_id, assessment_id)
        REFERENCES assessment (organisation_id, id) ON DELETE CASCADE,
    CONSTRAINT assessment_evidence_kind_ck CHECK (kind IN ('FILE', 'LINK'))
);
CREATE UNIQUE INDEX assessment_evidence_id_uq ON assessment_evidence (id);
CREATE INDEX assessment_evidence_control_ix ON assessment_evidence (organisation_id, assessment_id, control_ref);
