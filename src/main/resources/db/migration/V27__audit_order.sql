-- Co-financed security audits (issue 11, ADR 0024). One row per order; a joint order of a municipality and its
-- OCMW names the partner, and both see it. Amounts are euros with cents, NUMERIC(14,2). The expected shares
-- are worked out from the quote when the order is placed; the real ones come from the invoice on completion.
-- The report is kept in the database like evidence files (every node serves it, a backup holds it).
CREATE TABLE audit_order (
    id                    UUID           PRIMARY KEY,
    reference             VARCHAR(20)    NOT NULL,
    organisation_id       UUID           NOT NULL REFERENCES organisation (id),
    organisation_name     VARCHAR(200)   NOT NULL,
    partner_id            UUID           REFERENCES organisation (id),
    partner_name          VARCHAR(200),
    kind                  VARCHAR(20)    NOT NULL,
    coaching_day          BOOLEAN        NOT NULL DEFAULT FALSE,
    budget_line_id        UUID           NOT NULL REFERENCES budget_line (id),
    quote_excluding_vat   NUMERIC(14, 2) NOT NULL,
    quote_vat             NUMERIC(14, 2) NOT NULL,
    shares_include_vat    BOOLEAN        NOT NULL,
    programme_share       NUMERIC(14, 2) NOT NULL,
    organisation_share    NUMERIC(14, 2) NOT NULL,
    partner_share         NUMERIC(14, 2) NOT NULL DEFAULT 0,
    status                VARCHAR(20)    NOT NULL,
    held_from             VARCHAR(20),
    refusal_reason        VARCHAR(1000),
    commitment_id         UUID,
    reserved              NUMERIC(14, 2),
    capped                BOOLEAN        NOT NULL DEFAULT FALSE,
    firm                  VARCHAR(200),
    scheduled_on          DATE,
    report_name           VARCHAR(255),
    report_content        BYTEA,
    report_size           BIGINT,
    invoice_number        VARCHAR(60),
    invoice_date          DATE,
    supplier              VARCHAR(10),
    invoice_excluding_vat NUMERIC(14, 2),
    invoice_vat           NUMERIC(14, 2),
    invoice_total         NUMERIC(14, 2),
    programme_paid        NUMERIC(14, 2),
    organisation_paid     NUMERIC(14, 2),
    requested_by          UUID           NOT NULL,
    requested_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    wait_listed_at        TIMESTAMP WITH TIME ZONE,
    version               INTEGER        NOT NULL DEFAULT 0,
    CONSTRAINT audit_order_reference_unique UNIQUE (reference),
    CONSTRAINT audit_order_kind_ck CHECK (kind IN ('BASIC', 'SUPPLEMENTARY')),
    CONSTRAINT audit_order_amounts_ck CHECK (quote_excluding_vat > 0 AND quote_vat >= 0 AND programme_share >= 0
        AND organisation_share >= 0 AND partner_share >= 0)
);

CREATE INDEX audit_order_organisation ON audit_order (organisation_id, requested_at);
CREATE INDEX audit_order_partner ON audit_order (partner_id);
CREATE INDEX audit_order_status ON audit_order (status, requested_at);
CREATE INDEX audit_order_firm ON audit_order (firm);

-- What happened to an order, in order: shown as its history.
CREATE TABLE audit_order_history (
    order_id    UUID          NOT NULL REFERENCES audit_order (id),
    seq         INTEGER       NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    step        VARCHAR(40)   NOT NULL,
    note        VARCHAR(1000),
    actor_id    UUID,
    actor_name  VARCHAR(200),
    happened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_order_history_pk PRIMARY KEY (order_id, seq)
);

-- Findings the auditor records; the findings register of a later issue takes them over through an event.
CREATE TABLE audit_finding (
    id              UUID          PRIMARY KEY,
    order_id        UUID          NOT NULL REFERENCES audit_order (id),
    organisation_id UUID          NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    severity        VARCHAR(20)   NOT NULL,
    description     VARCHAR(4000) NOT NULL,
    recommendation  VARCHAR(4000) NOT NULL,
    recorded_by     UUID          NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX audit_finding_order ON audit_finding (order_id, recorded_at);
