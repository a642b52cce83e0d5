-- The programme's money (ADR 0023). Amounts are euros with cents, NUMERIC(14,2), never floating point.
-- committed is the sum of the open commitments, paid the sum of the programme's shares of settled ones; both
-- are kept on the line itself so that one conditional UPDATE can check and take credit at once. The CHECK is
-- the last word should any write ever forget the condition: a line can never be overspent.
CREATE TABLE budget_line (
    id                 UUID           PRIMARY KEY,
    name               VARCHAR(200)   NOT NULL,
    budget_year        INTEGER        NOT NULL,
    purpose            VARCHAR(40)    NOT NULL,
    credit             NUMERIC(14, 2) NOT NULL,
    committed          NUMERIC(14, 2) NOT NULL DEFAULT 0,
    paid               NUMERIC(14, 2) NOT NULL DEFAULT 0,
    owner              VARCHAR(200)   NOT NULL,
    valid_from         DATE           NOT NULL,
    valid_until        DATE           NOT NULL,
    shares_include_vat BOOLEAN        NOT NULL DEFAULT TRUE,
    created_by         UUID,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT budget_line_name_unique UNIQUE (budget_year, name),
    CONSTRAINT budget_line_never_negative CHECK (credit >= 0 AND committed >= 0 AND paid >= 0
        AND committed + paid <= credit),
    CONSTRAINT budget_line_period CHECK (valid_until >= valid_from)
);

CREATE INDEX budget_line_year ON budget_line (budget_year);

-- One commitment per order: the reserved amount while OPEN, the invoice and both shares once SETTLED,
-- the release date once RELEASED.
CREATE TABLE budget_commitment (
    id                      UUID           PRIMARY KEY,
    budget_line_id          UUID           NOT NULL REFERENCES budget_line (id),
    reference               VARCHAR(200)   NOT NULL,
    organisation_id         UUID,
    amount                  NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    capped                  BOOLEAN        NOT NULL DEFAULT FALSE,
    status                  VARCHAR(20)    NOT NULL,
    committed_on            DATE           NOT NULL,
    committed_by            UUID,
    invoice_number          VARCHAR(60),
    invoice_date            DATE,
    supplier_company_number VARCHAR(10),
    amount_excluding_vat    NUMERIC(14, 2),
    vat                     NUMERIC(14, 2),
    invoice_total           NUMERIC(14, 2),
    programme_share         NUMERIC(14, 2),
    organisation_share      NUMERIC(14, 2),
    paid_on                 DATE,
    released_on             DATE
);

CREATE INDEX budget_commitment_line ON budget_commitment (budget_line_id, committed_on);
