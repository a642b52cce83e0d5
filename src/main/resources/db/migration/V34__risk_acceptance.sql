-- Risk acceptances of the findings register (ADR 0030): an organisation's decision, approved by a second person,
-- to live with one or more open findings until an expiry date. One row per acceptance, the findings it covers, its
-- history, and an optional proof file (a PDF, kept in the database like the audit report). organisation_id names an
-- organisation of the organisation module (no foreign key across modules, ADR 0001).
CREATE TABLE risk_acceptance (
    id               UUID                     NOT NULL,
    organisation_id  UUID                     NOT NULL,
    title            VARCHAR(300)             NOT NULL,
    decision         VARCHAR(20)              NOT NULL,
    measures         VARCHAR(4000)            NOT NULL,
    reference        VARCHAR(300)             NOT NULL,
    owner_id         UUID                     NOT NULL,
    owner_name       VARCHAR(200)             NOT NULL,
    expires_on       DATE                     NOT NULL,
    status           VARCHAR(20)              NOT NULL,
    status_reason    VARCHAR(2000),
    proposed_by      UUID                     NOT NULL,
    proposed_by_name VARCHAR(200)             NOT NULL,
    proposed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by       UUID,
    decided_at       TIMESTAMP WITH TIME ZONE,
    ended_on         DATE,
    proof_name       VARCHAR(200),
    proof_size       INT,
    revision         INT                      NOT NULL,
    CONSTRAINT risk_acceptance_pk PRIMARY KEY (id),
    CONSTRAINT risk_acceptance_decision_ck CHECK (decision IN ('ACCEPT', 'MITIGATE', 'TRANSFER', 'AVOID')),
    CONSTRAINT risk_acceptance_status_ck CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED', 'ACTIVE', 'EXPIRED',
        'REVOKED'))
);
CREATE INDEX risk_acceptance_organisation_status_ix ON risk_acceptance (organisation_id, status);
CREATE INDEX risk_acceptance_status_expires_ix ON risk_acceptance (status, expires_on);

-- The findings an acceptance covers (of its own organisation, checked by the use case).
CREATE TABLE risk_acceptance_finding (
    acceptance_id   UUID NOT NULL,
    finding_id      UUID NOT NULL,
    organisation_id UUID NOT NULL,
    CONSTRAINT risk_acceptance_finding_pk PRIMARY KEY (acceptance_id, finding_id),
    CONSTRAINT risk_acceptance_finding_acceptance_fk FOREIGN KEY (acceptance_id) REFERENCES risk_acceptance (id)
        ON DELETE CASCADE,
    CONSTRAINT risk_acceptance_finding_finding_fk FOREIGN KEY (finding_id) REFERENCES finding (id) ON DELETE CASCADE
);
CREATE INDEX risk_acceptance_finding_finding_ix ON risk_acceptance_finding (finding_id);

CREATE TABLE risk_acceptance_history (
    acceptance_id   UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    seq             INT                      NOT NULL,
    step            VARCHAR(30)              NOT NULL,
    actor           UUID,
    actor_name      VARCHAR(200)             NOT NULL,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    note            VARCHAR(2000),
    CONSTRAINT risk_acceptance_history_pk PRIMARY KEY (acceptance_id, seq),
    CONSTRAINT risk_acceptance_history_fk FOREIGN KEY (acceptance_id) REFERENCES risk_acceptance (id)
        ON DELETE CASCADE
);

CREATE TABLE risk_acceptance_proof (
    acceptance_id UUID  NOT NULL,
    content       BYTEA NOT NULL,
    CONSTRAINT risk_acceptance_proof_pk PRIMARY KEY (acceptance_id),
    CONSTRAINT risk_acceptance_proof_fk FOREIGN KEY (acceptance_id) REFERENCES risk_acceptance (id) ON DELETE CASCADE
);

-- The longest an acceptance may hold, in months per severity of the most severe finding it covers: set by the
-- programme office (one row), seeded with the issue's example.
CREATE TABLE risk_acceptance_maximum (
    id                   INT                      NOT NULL,
    critical_months      INT                      NOT NULL,
    high_months          INT                      NOT NULL,
    medium_months        INT                      NOT NULL,
    low_months           INT                      NOT NULL,
    informational_months INT                      NOT NULL,
    changed_by           UUID,
    changed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT risk_acceptance_maximum_pk PRIMARY KEY (id),
    CONSTRAINT risk_acceptance_maximum_one_ck CHECK (id = 1)
);
INSERT INTO risk_acceptance_maximum (id, critical_months, high_months, medium_months, low_months,
    informational_months, changed_at)
VALUES (1, 3, 6, 12, 12, 12, TIMESTAMP WITH TIME ZONE '2026-12-02 00:00:00+00:00');
