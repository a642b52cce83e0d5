-- Emergency support for an organisation hit by an incident (issue 13, ADR 0041): the organisation's admin asks for
-- an amount with a motivation, the CRT recommends (possibly a lower amount) or advises against, the programme
-- officer approves from a budget line of the emergency fund (a capped commitment through the funding module, so
-- the line is never overspent) or rejects, and records the invoice that pays it. One row per request; its steps
-- change it through a conditional update on the revision loaded. budget_line_id and commitment_id name rows of
-- the funding module, organisation_id one of the organisation module (no foreign keys across modules, ADR 0001).
CREATE TABLE emergency_support (
    id                   UUID                     NOT NULL,
    incident_id          UUID                     NOT NULL,
    organisation_id      UUID                     NOT NULL,
    reference            VARCHAR(20)              NOT NULL,
    incident_reference   VARCHAR(20)              NOT NULL,
    purpose              VARCHAR(200)             NOT NULL,
    supplier             VARCHAR(200),
    amount               NUMERIC(12, 2)           NOT NULL,
    motivation           VARCHAR(4000)            NOT NULL,
    status               VARCHAR(20)              NOT NULL,
    requested_by         UUID                     NOT NULL,
    requester_name       VARCHAR(200)             NOT NULL,
    requested_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    advice               VARCHAR(4000),
    recommended_amount   NUMERIC(12, 2),
    advised_by           UUID,
    adviser_name         VARCHAR(200),
    advised_at           TIMESTAMP WITH TIME ZONE,
    decision_reason      VARCHAR(2000),
    decided_by           UUID,
    decider_name         VARCHAR(200),
    decided_at           TIMESTAMP WITH TIME ZONE,
    budget_line_id       UUID,
    commitment_id        UUID,
    invoice_number       VARCHAR(60),
    programme_paid       NUMERIC(12, 2),
    organisation_paid    NUMERIC(12, 2),
    paid_at              TIMESTAMP WITH TIME ZONE,
    revision             INT                      NOT NULL,
    CONSTRAINT emergency_support_pk PRIMARY KEY (id),
    CONSTRAINT emergency_support_reference_uk UNIQUE (reference),
    CONSTRAINT emergency_support_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE,
    CONSTRAINT emergency_support_amount_ck CHECK (amount > 0),
    CONSTRAINT emergency_support_status_ck CHECK (status IN ('REQUESTED', 'RECOMMENDED', 'NOT_RECOMMENDED',
        'APPROVED', 'REJECTED', 'PAID', 'WITHDRAWN'))
);
CREATE INDEX emergency_support_incident_ix ON emergency_support (incident_id, requested_at);
CREATE INDEX emergency_support_status_ix ON emergency_support (status, requested_at);
