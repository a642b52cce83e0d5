-- Imports of scanner files into the findings register (ADR 0029). An upload is parsed once and kept here between
-- the preview and the confirmation, so the second step never trusts what the browser sends back: the rows as JSON,
-- the file's SHA-256, who uploaded it for which organisation. Confirming moves PREVIEWED to IMPORTED exactly once
-- (a conditional update), so a double click or a replayed POST imports once. Previews older than a day are deleted
-- when the next upload arrives. organisation_id names an organisation of the organisation module (no foreign key
-- across modules, ADR 0001).
CREATE TABLE finding_import (
    id              UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    uploaded_by     UUID                     NOT NULL,
    uploader_name   VARCHAR(200)             NOT NULL,
    format          VARCHAR(10)              NOT NULL,
    file_name       VARCHAR(255)             NOT NULL,
    file_sha256     VARCHAR(64)              NOT NULL,
    date_order      VARCHAR(20),
    row_count       INT                      NOT NULL,
    rows_json       TEXT                     NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    created_count   INT,
    updated_count   INT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT finding_import_pk PRIMARY KEY (id),
    CONSTRAINT finding_import_format_ck CHECK (format IN ('CSV', 'SARIF')),
    CONSTRAINT finding_import_status_ck CHECK (status IN ('PREVIEWED', 'IMPORTED'))
);
CREATE INDEX finding_import_organisation_ix ON finding_import (organisation_id, created_at);
CREATE INDEX finding_import_status_ix ON finding_import (status, created_at);
-- The same file imported again: its rows without a repeat key are recognised by their line in the earlier import.
CREATE INDEX finding_import_sha_ix ON finding_import (organisation_id, file_sha256);

-- What one import did to which finding: created it or updated it (seen again), with the line of the file.
CREATE TABLE finding_import_item (
    import_id       UUID                     NOT NULL,
    line            INT                      NOT NULL,
    organisation_id UUID                     NOT NULL,
    finding_id      UUID                     NOT NULL,
    outcome         VARCHAR(10)              NOT NULL,
    CONSTRAINT finding_import_item_pk PRIMARY KEY (import_id, line),
    CONSTRAINT finding_import_item_import_fk FOREIGN KEY (import_id) REFERENCES finding_import (id) ON DELETE CASCADE,
    CONSTRAINT finding_import_item_finding_fk FOREIGN KEY (finding_id) REFERENCES finding (id) ON DELETE CASCADE,
    CONSTRAINT finding_import_item_outcome_ck CHECK (outcome IN ('CREATED', 'UPDATED'))
);
CREATE INDEX finding_import_item_finding_ix ON finding_import_item (finding_id);

-- What recognises a finding in a later import of the same organisation (ADR 0027 "repeat keys"): the file's external
-- id, a CVE on one system, a SARIF fingerprint, or tool + rule + location. A finding may have several keys; a key
-- belongs to one finding per organisation (the primary key), looked up by its SHA-256 so that long fingerprints
-- index well. key_value keeps the key as read, for people.
CREATE TABLE finding_repeat_key (
    organisation_id UUID                     NOT NULL,
    key_hash        VARCHAR(64)              NOT NULL,
    kind            VARCHAR(30)              NOT NULL,
    key_value       VARCHAR(2000)            NOT NULL,
    finding_id      UUID                     NOT NULL,
    CONSTRAINT finding_repeat_key_pk PRIMARY KEY (organisation_id, key_hash),
    CONSTRAINT finding_repeat_key_finding_fk FOREIGN KEY (finding_id) REFERENCES finding (id) ON DELETE CASCADE,
    CONSTRAINT finding_repeat_key_kind_ck CHECK (kind IN ('EXTERNAL_ID', 'VULNERABILITY_ON_SYSTEM', 'FINGERPRINT',
        'RULE_AT_LOCATION'))
);
CREATE INDEX finding_repeat_key_finding_ix ON finding_repeat_key (finding_id);
