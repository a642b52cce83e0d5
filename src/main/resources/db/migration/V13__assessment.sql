-- Self-evaluations. Tenant-owned: organisation_id leads every key, so the tables could be distributed by
-- organisation. framework_version_id names a version of the framework module, which checks it exists; there
-- is no foreign key across modules (ADR 0001).
CREATE TABLE assessment (
    organisation_id      UUID                     NOT NULL,
    id                   UUID                     NOT NULL,
    framework_version_id UUID                     NOT NULL,
    assessment_year      INT                      NOT NULL,
    status               VARCHAR(10)              NOT NULL,
    previous_id          UUID,
    started_by           UUID                     NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_by         UUID,
    submitted_at         TIMESTAMP WITH TIME ZONE,
    version              INT                      NOT NULL,
    CONSTRAINT assessment_pk PRIMARY KEY (organisation_id, id),
    CONSTRAINT assessment_status_ck CHECK (status IN ('DRAFT', 'SUBMITTED')),
    CONSTRAINT assessment_year_ck CHECK (assessment_year BETWEEN 2000 AND 2100)
);
CREATE UNIQUE INDEX assessment_id_uq ON assessment (id);
CREATE UNIQUE INDEX assessment_once_a_year_uq ON assessment (organisation_id, framework_version_id, assessment_year);
CREATE INDEX assessment_framework_ix ON assessment (framework_version_id, status);

-- Which colleague answers which area; without a row the organisation's admins answer it.
CREATE TABLE assessment_assignment (
    organisation_id UUID        NOT NULL,
    assessment_id   UUID        NOT NULL,
    area_ref        VARCHAR(40) NOT NULL,
    account_id      UUID        NOT NULL,
    CONSTRAINT assessment_assignment_pk PRIMARY KEY (organisation_id, assessment_id, area_ref),
    CONSTRAINT assessment_assignment_fk FOREIGN KEY (organisation_id, assessment_id)
        REFERENCES assessment (organisation_id, id) ON DELETE CASCADE
);

-- One row per answered control, saved on its own as the person works; revision counts the saves.
CREATE TABLE assessment_answer (
    organisation_id UUID                     NOT NULL,
    assessment_id   UUID                     NOT NULL,
    control_ref     VARCHAR(40)              NOT NULL,
    documentation   SMALLINT,
    implementation  SMALLINT,
    not_applicable  BOOLEAN                  NOT NULL,
    justification   VARCHAR(2000),
    comment         VARCHAR(4000),
    answered_by     UUID                     NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revision        INT                      NOT NULL,
    CONSTRAINT assessment_answer_pk PRIMARY KEY (organisation_id, assessment_id, control_ref),
    CONSTRAINT assessment_answer_fk FOREIGN KEY (organisation_id, assessment_id)
        REFERENCES assessment (organisation_id, id) ON DELETE CASCADE,
    CONSTRAINT assessment_answer_documentation_ck CHECK (documentation BETWEEN 0 AND 5),
    CONSTRAINT assessment_answer_implementation_ck CHECK (implementation BETWEEN 0 AND 5)
);
