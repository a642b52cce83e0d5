-- The findings register (ADR 0026): one list per organisation of what to fix, fed by the self-evaluation's
-- improvement actions, audits, ethical-hacking engagements and people. organisation_id names an organisation of
-- the organisation module and source_id / source_parent a record of the module the finding came from (no foreign
-- keys across modules, ADR 0001). The unique key on (organisation_id, source, source_id) makes a source deliver a
-- finding once, however often its event arrives; manual findings have no source_id (NULLs are distinct).
CREATE TABLE finding (
    id              UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    title           VARCHAR(300)             NOT NULL,
    description     VARCHAR(8000)            NOT NULL,
    source          VARCHAR(30)              NOT NULL,
    source_id       UUID,
    source_parent   UUID,
    severity        VARCHAR(20)              NOT NULL,
    cvss_vector     VARCHAR(200),
    cvss_score      DECIMAL(3, 1),
    affected_system VARCHAR(300)             NOT NULL,
    recommendation  VARCHAR(8000)            NOT NULL,
    owner_id        UUID,
    owner_name      VARCHAR(200),
    sla_start       DATE                     NOT NULL,
    due_date        DATE,
    planned_on      DATE,
    effort          VARCHAR(2),
    control_ref     VARCHAR(100)             NOT NULL,
    known_exploited BOOLEAN                  NOT NULL,
    external_id     VARCHAR(200)             NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    duplicate_of    UUID,
    status_reason   VARCHAR(2000),
    created_by      UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revision        INT                      NOT NULL,
    CONSTRAINT finding_pk PRIMARY KEY (id),
    CONSTRAINT finding_source_uk UNIQUE (organisation_id, source, source_id),
    CONSTRAINT finding_source_ck CHECK (source IN ('SELF_EVALUATION_ACTION', 'AUDIT', 'ENGAGEMENT', 'INCIDENT',
        'ADVISORY', 'MANUAL', 'IMPORT')),
    CONSTRAINT finding_severity_ck CHECK (severity IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL')),
    CONSTRAINT finding_status_ck CHECK (status IN ('NEW', 'CONFIRMED', 'IN_PROGRESS', 'RESOLVED', 'FIX_VERIFIED',
        'REOPENED', 'DUPLICATE', 'FALSE_POSITIVE', 'OUT_OF_SCOPE', 'RISK_ACCEPTED')),
    CONSTRAINT finding_effort_ck CHECK (effort IN ('XS', 'S', 'M', 'L', 'XL')),
    CONSTRAINT finding_cvss_score_ck CHECK (cvss_score BETWEEN 0 AND 10)
);
CREATE INDEX finding_organisation_due_ix ON finding (organisation_id, due_date);
CREATE INDEX finding_organisation_status_ix ON finding (organisation_id, status);
CREATE INDEX finding_source_parent_ix ON finding (source_parent);

-- Who did what when, with the reason where there is one: one line per step, numbered per finding.
CREATE TABLE finding_history (
    finding_id      UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    seq             INT                      NOT NULL,
    step            VARCHAR(30)              NOT NULL,
    actor           UUID,
    actor_name      VARCHAR(200)             NOT NULL,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    note            VARCHAR(2000),
    CONSTRAINT finding_history_pk PRIMARY KEY (finding_id, seq),
    CONSTRAINT finding_history_fk FOREIGN KEY (finding_id) REFERENCES finding (id) ON DELETE CASCADE
);

-- A retest of the fix: when, by whom (as the tester is named), with which result and note; recorded_by is the
-- account that entered it.
CREATE TABLE finding_retest (
    id              UUID                     NOT NULL,
    finding_id      UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    tested_on       DATE                     NOT NULL,
    tester          VARCHAR(200)             NOT NULL,
    result          VARCHAR(20)              NOT NULL,
    note            VARCHAR(2000),
    recorded_by     UUID                     NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT finding_retest_pk PRIMARY KEY (id),
    CONSTRAINT finding_retest_fk FOREIGN KEY (finding_id) REFERENCES finding (id) ON DELETE CASCADE,
    CONSTRAINT finding_retest_result_ck CHECK (result IN ('FIXED', 'PARTIALLY_FIXED', 'NOT_FIXED'))
);
CREATE INDEX finding_retest_finding_ix ON finding_retest (finding_id);

-- Days to fix per severity: the programme's default (one row) and an organisation's tighter profile (one row per
-- organisation that tightened it). NULL days: no due date (informational, by default).
CREATE TABLE finding_sla_programme (
    id                  INT                      NOT NULL,
    critical_days       INT,
    high_days           INT,
    medium_days         INT,
    low_days            INT,
    informational_days  INT,
    changed_by          UUID,
    changed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT finding_sla_programme_pk PRIMARY KEY (id),
    CONSTRAINT finding_sla_programme_one_ck CHECK (id = 1)
);
INSERT INTO finding_sla_programme (id, critical_days, high_days, medium_days, low_days, informational_days, changed_at)
VALUES (1, 7, 30, 90, 180, NULL, TIMESTAMP WITH TIME ZONE '2026-12-02 00:00:00+00:00');

CREATE TABLE finding_sla_organisation (
    organisation_id     UUID                     NOT NULL,
    critical_days       INT,
    high_days           INT,
    medium_days         INT,
    low_days            INT,
    informational_days  INT,
    changed_by          UUID                     NOT NULL,
    changed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT finding_sla_organisation_pk PRIMARY KEY (organisation_id)
);
