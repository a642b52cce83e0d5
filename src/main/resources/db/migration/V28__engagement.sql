-- Ethical-hacking engagements (ADR 0025): an organisation asks a university college to test its systems within
-- a scope it signs. organisation_id names an organisation of the organisation module (no foreign key across
-- modules, ADR 0001); its name is kept as it was when the engagement was requested, for the college's lists.
-- The scope is kept field by field as the organisation typed it; the signature keeps the exact canonical text
-- that was signed and its SHA-256, so that what was agreed stays readable after any later change.
CREATE TABLE engagement (
    id                   UUID                     NOT NULL,
    organisation_id      UUID                     NOT NULL,
    organisation         VARCHAR(200)             NOT NULL,
    title                VARCHAR(200)             NOT NULL,
    college              VARCHAR(200)             NOT NULL,
    state                VARCHAR(20)              NOT NULL,
    ip_ranges            VARCHAR(4000)            NOT NULL,
    domains              VARCHAR(4000)            NOT NULL,
    applications         VARCHAR(4000)            NOT NULL,
    time_windows         VARCHAR(2000)            NOT NULL,
    excluded             VARCHAR(4000)            NOT NULL,
    source_addresses     VARCHAR(2000)            NOT NULL,
    techniques           VARCHAR(400)             NOT NULL,
    stop_contacts        VARCHAR(2000)            NOT NULL,
    credentials_handover VARCHAR(2000)            NOT NULL,
    signed_by            UUID,
    signed_by_name       VARCHAR(200),
    signed_at            TIMESTAMP WITH TIME ZONE,
    signed_address       VARCHAR(64),
    signed_hash          CHAR(64),
    signed_text          TEXT,
    evidence_delete_on   DATE,
    evidence_deleted_at  TIMESTAMP WITH TIME ZONE,
    requested_by         UUID                     NOT NULL,
    requested_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version              INT                      NOT NULL,
    CONSTRAINT engagement_pk PRIMARY KEY (id),
    CONSTRAINT engagement_state_ck CHECK (state IN ('REQUESTED', 'SIGNED', 'ASSIGNED', 'UNDER_WAY', 'REPORTED',
        'CLOSED', 'STOPPED'))
);
CREATE INDEX engagement_organisation_ix ON engagement (organisation_id);
CREATE INDEX engagement_college_ix ON engagement (college);
CREATE INDEX engagement_evidence_due_ix ON engagement (evidence_delete_on);

-- Written consent of a third party that hosts a system in scope (a SaaS provider, the intermunicipal ICT
-- association): a PDF, checked by its content. Its SHA-256 is part of the signed scope text.
CREATE TABLE engagement_consent (
    id              UUID                     NOT NULL,
    engagement_id   UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    party           VARCHAR(200)             NOT NULL,
    kind            VARCHAR(20)              NOT NULL,
    name            VARCHAR(255)             NOT NULL,
    sha256          CHAR(64)                 NOT NULL,
    size_bytes      BIGINT                   NOT NULL,
    content         BYTEA                    NOT NULL,
    uploaded_by     UUID                     NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT engagement_consent_pk PRIMARY KEY (id),
    CONSTRAINT engagement_consent_fk FOREIGN KEY (engagement_id) REFERENCES engagement (id) ON DELETE CASCADE
);
CREATE INDEX engagement_consent_engagement_ix ON engagement_consent (engagement_id);

-- The students of the college assigned to the engagement, named as they were then.
CREATE TABLE engagement_student (
    engagement_id UUID                     NOT NULL,
    account_id    UUID                     NOT NULL,
    name          VARCHAR(200)             NOT NULL,
    assigned_by   UUID                     NOT NULL,
    assigned_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT engagement_student_pk PRIMARY KEY (engagement_id, account_id),
    CONSTRAINT engagement_student_fk FOREIGN KEY (engagement_id) REFERENCES engagement (id) ON DELETE CASCADE
);
CREATE INDEX engagement_student_account_ix ON engagement_student (account_id);

-- Every step of the engagement, for the history on its page: who, when, which step, and a note (a stop's
-- description, a remark).
CREATE TABLE engagement_history (
    engagement_id UUID                     NOT NULL,
    seq           INT                      NOT NULL,
    step          VARCHAR(40)              NOT NULL,
    actor         UUID,
    actor_name    VARCHAR(200)             NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    note          VARCHAR(2000),
    CONSTRAINT engagement_history_pk PRIMARY KEY (engagement_id, seq),
    CONSTRAINT engagement_history_fk FOREIGN KEY (engagement_id) REFERENCES engagement (id) ON DELETE CASCADE
);

-- A finding of a student; the organisation sees it only once the supervisor accepted it.
CREATE TABLE engagement_finding (
    id               UUID                     NOT NULL,
    engagement_id    UUID                     NOT NULL,
    organisation_id  UUID                     NOT NULL,
    title            VARCHAR(200)             NOT NULL,
    severity         VARCHAR(10)              NOT NULL,
    description      VARCHAR(4000)            NOT NULL,
    state            VARCHAR(12)              NOT NULL,
    remark           VARCHAR(2000),
    reported_by      UUID                     NOT NULL,
    reported_by_name VARCHAR(200)             NOT NULL,
    reported_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_by      UUID,
    reviewed_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT engagement_finding_pk PRIMARY KEY (id),
    CONSTRAINT engagement_finding_fk FOREIGN KEY (engagement_id) REFERENCES engagement (id) ON DELETE CASCADE,
    CONSTRAINT engagement_finding_state_ck CHECK (state IN ('SUBMITTED', 'SENT_BACK', 'ACCEPTED')),
    CONSTRAINT engagement_finding_severity_ck CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL'))
);
CREATE INDEX engagement_finding_engagement_ix ON engagement_finding (engagement_id);

-- Evidence files of findings (screenshots, logs): deleted after the engagement's evidence deletion date.
CREATE TABLE engagement_evidence (
    id              UUID                     NOT NULL,
    finding_id      UUID                     NOT NULL,
    engagement_id   UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    name            VARCHAR(255)             NOT NULL,
    content_type    VARCHAR(100)             NOT NULL,
    size_bytes      BIGINT                   NOT NULL,
    content         BYTEA                    NOT NULL,
    uploaded_by     UUID                     NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT engagement_evidence_pk PRIMARY KEY (id),
    CONSTRAINT engagement_evidence_fk FOREIGN KEY (finding_id) REFERENCES engagement_finding (id) ON DELETE CASCADE
);
CREATE INDEX engagement_evidence_engagement_ix ON engagement_evidence (engagement_id);
