-- Regulator obligations of incidents (issue 13, ADR 0039).
-- NIS2 scope of an organisation (art. 3): most local governments are out of scope; the programme officer records it.
ALTER TABLE organisation ADD COLUMN nis2_scope VARCHAR(15) DEFAULT 'NOT_IN_SCOPE' NOT NULL;
ALTER TABLE organisation ADD CONSTRAINT organisation_nis2_scope_ck
    CHECK (nis2_scope IN ('NOT_IN_SCOPE', 'ESSENTIAL', 'IMPORTANT'));

-- Who receives a personal-data breach notification (GDPR art. 33), per organisation type; the programme changes it.
-- Flemish local governments answer to the Vlaamse Toezichtcommissie, police zones to the COC, others to the GBA.
CREATE TABLE breach_authority (
    organisation_type VARCHAR(30)              NOT NULL,
    authority         VARCHAR(10)              NOT NULL,
    changed_by        UUID,
    changed_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT breach_authority_pk PRIMARY KEY (organisation_type),
    CONSTRAINT breach_authority_ck CHECK (authority IN ('VTC', 'COC', 'GBA'))
);
INSERT INTO breach_authority (organisation_type, authority) VALUES ('MUNICIPALITY', 'VTC');
INSERT INTO breach_authority (organisation_type, authority) VALUES ('SOCIAL_WELFARE_CENTRE', 'VTC');
INSERT INTO breach_authority (organisation_type, authority) VALUES ('PROVINCE', 'VTC');
INSERT INTO breach_authority (organisation_type, authority) VALUES ('INTERMUNICIPAL_ASSOCIATION', 'VTC');
INSERT INTO breach_authority (organisation_type, authority) VALUES ('POLICE_ZONE', 'COC');
INSERT INTO breach_authority (organisation_type, authority) VALUES ('OTHER', 'GBA');

-- The facts that start the legal clocks, one row per incident, kept apart from the report (which never changes).
-- Tri-state answers are YES, NO or UNKNOWN (to be determined). breach_reason is the reason for the decision to
-- notify or not, which the breach register keeps (GDPR art. 33(5)).
CREATE TABLE incident_fact (
    incident_id            UUID                     NOT NULL,
    organisation_id        UUID                     NOT NULL,
    detected_at            TIMESTAMP WITH TIME ZONE,
    became_aware_at        TIMESTAMP WITH TIME ZONE,
    personal_data_known_at TIMESTAMP WITH TIME ZONE,
    started_at             TIMESTAMP WITH TIME ZONE,
    resolved_at            TIMESTAMP WITH TIME ZONE,
    personal_data_breach   VARCHAR(10)              NOT NULL,
    significant            VARCHAR(10)              NOT NULL,
    breach_reason          VARCHAR(2000),
    revision               INT                      NOT NULL,
    CONSTRAINT incident_fact_pk PRIMARY KEY (incident_id),
    CONSTRAINT incident_fact_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE,
    CONSTRAINT incident_fact_breach_ck CHECK (personal_data_breach IN ('YES', 'NO', 'UNKNOWN')),
    CONSTRAINT incident_fact_significant_ck CHECK (significant IN ('YES', 'NO', 'UNKNOWN'))
);
-- The breach register of an organisation reads the breaches of its incidents.
CREATE INDEX incident_fact_organisation_ix ON incident_fact (organisation_id, personal_data_breach);

-- Every change of a fact: who, when, old -> new (as shown, in Brussels time), append-only.
CREATE TABLE incident_fact_change (
    id              UUID                     NOT NULL,
    incident_id     UUID                     NOT NULL,
    fact            VARCHAR(30)              NOT NULL,
    old_value       VARCHAR(2000),
    new_value       VARCHAR(2000),
    changed_by      UUID                     NOT NULL,
    changed_by_name VARCHAR(200)             NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT incident_fact_change_pk PRIMARY KEY (id),
    CONSTRAINT incident_fact_change_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE
);
CREATE INDEX incident_fact_change_incident_ix ON incident_fact_change (incident_id, changed_at);

-- One row per obligation of an incident. due_at is null where the law sets no hours (art. 34: without undue delay)
-- or the clock has not started; window_start is the moment the clock started (reminders at 50 % and 90 % of the
-- window). The reminded_* columns make each reminder go once, whichever node runs the job.
CREATE TABLE incident_obligation (
    id                   UUID                     NOT NULL,
    incident_id          UUID                     NOT NULL,
    organisation_id      UUID                     NOT NULL,
    kind                 VARCHAR(30)              NOT NULL,
    recipient            VARCHAR(10)              NOT NULL,
    window_start         TIMESTAMP WITH TIME ZONE,
    due_at               TIMESTAMP WITH TIME ZONE,
    state                VARCHAR(15)              NOT NULL,
    reason               VARCHAR(2000),
    submitted_at         TIMESTAMP WITH TIME ZONE,
    channel              VARCHAR(100),
    external_reference   VARCHAR(100),
    phased               BOOLEAN                  DEFAULT FALSE NOT NULL,
    delay_reason         VARCHAR(2000),
    recorded_by          UUID,
    recorded_by_name     VARCHAR(200),
    recorded_at          TIMESTAMP WITH TIME ZONE,
    reminded_half_at     TIMESTAMP WITH TIME ZONE,
    reminded_ninety_at   TIMESTAMP WITH TIME ZONE,
    reminded_overdue_at  TIMESTAMP WITH TIME ZONE,
    revision             INT                      NOT NULL,
    CONSTRAINT incident_obligation_pk PRIMARY KEY (id),
    CONSTRAINT incident_obligation_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE,
    CONSTRAINT incident_obligation_state_ck CHECK (state IN ('NOT_APPLICABLE', 'PENDING', 'SUBMITTED', 'LATE'))
);
-- The obligations of an incident; kinds the rules compute occur once (the facts row is locked while they are
-- reconciled), the ones added by hand (a voluntary notification, a supplement) as often as needed.
CREATE INDEX incident_obligation_incident_ix ON incident_obligation (incident_id, kind);
-- The reminder job and the CRT queue read the pending obligations by due moment.
CREATE INDEX incident_obligation_pending_ix ON incident_obligation (state, due_at);
