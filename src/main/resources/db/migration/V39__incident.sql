-- Incidents reported to the Cyber Response Team (issue 13, ADR 0035). One row per incident: what the organisation
-- reported (the short form, with the ransomware questions), the CRT's triage and the named status. The report is
-- kept as it was sent; later knowledge goes into the timeline (an append-only table of its own), never over it.
-- submission_key is the random key of the form that sent the report: a double click or a retried request finds
-- the incident it created instead of making a second one (the unique constraint decides, not a read first).
-- reference is what people say on the phone (INC- and eight characters). organisation_id names an organisation
-- of the organisation module (no foreign key across modules, ADR 0001). Tri-state answers are YES, NO or UNKNOWN.
CREATE TABLE incident (
    id                         UUID                     NOT NULL,
    organisation_id            UUID                     NOT NULL,
    reference                  VARCHAR(20)              NOT NULL,
    submission_key             UUID                     NOT NULL,
    channel                    VARCHAR(10)              NOT NULL,
    reported_by                UUID                     NOT NULL,
    reporter_name              VARCHAR(200)             NOT NULL,
    reported_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    what_happened              VARCHAR(4000)            NOT NULL,
    started_at                 TIMESTAMP WITH TIME ZONE,
    noticed_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    how_noticed                VARCHAR(2000),
    ongoing                    VARCHAR(10)              NOT NULL,
    affected_systems           VARCHAR(2000),
    personal_data              VARCHAR(10)              NOT NULL,
    citizens_affected          VARCHAR(10)              NOT NULL,
    actions_taken              VARCHAR(2000),
    already_informed           VARCHAR(2000),
    callback_phone             VARCHAR(40)              NOT NULL,
    ransomware                 BOOLEAN                  NOT NULL,
    ransom_note                VARCHAR(10),
    leak_site_claim            VARCHAR(10),
    backups_affected           VARCHAR(10),
    admin_accounts_compromised VARCHAR(10),
    systems_isolated           VARCHAR(10),
    police_complaint_number    VARCHAR(60),
    insurer                    VARCHAR(200),
    insurer_policy             VARCHAR(100),
    insurer_notified_at        TIMESTAMP WITH TIME ZONE,
    severity                   VARCHAR(10),
    category                   VARCHAR(30),
    lead_analyst_id            UUID,
    lead_analyst_name          VARCHAR(200),
    tlp                        VARCHAR(15)              NOT NULL,
    status                     VARCHAR(20)              NOT NULL,
    status_before_hold         VARCHAR(20),
    status_reason              VARCHAR(2000),
    merged_into                UUID,
    outcome                    VARCHAR(4000),
    impact                     VARCHAR(4000),
    triaged_at                 TIMESTAMP WITH TIME ZONE,
    first_response_at          TIMESTAMP WITH TIME ZONE,
    contained_at               TIMESTAMP WITH TIME ZONE,
    closed_at                  TIMESTAMP WITH TIME ZONE,
    revision                   INT                      NOT NULL,
    CONSTRAINT incident_pk PRIMARY KEY (id),
    CONSTRAINT incident_reference_uk UNIQUE (reference),
    CONSTRAINT incident_submission_uk UNIQUE (submission_key),
    CONSTRAINT incident_merged_fk FOREIGN KEY (merged_into) REFERENCES incident (id),
    CONSTRAINT incident_channel_ck CHECK (channel IN ('FORM', 'PHONE', 'API')),
    CONSTRAINT incident_severity_ck CHECK (severity IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    CONSTRAINT incident_tlp_ck CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED')),
    CONSTRAINT incident_status_ck CHECK (status IN ('REPORTED', 'TRIAGED', 'CONTAINED', 'ERADICATED', 'RECOVERED',
        'CLOSED', 'NOT_AN_INCIDENT', 'MERGED', 'ON_HOLD', 'REOPENED'))
);
-- The organisation's own list, newest first, and the CRT queue (open incidents by status, newest first).
CREATE INDEX incident_organisation_ix ON incident (organisation_id, reported_at);
CREATE INDEX incident_status_ix ON incident (status, reported_at);
