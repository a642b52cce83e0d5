-- The timeline and communication log of an incident, its affected assets, indicators of compromise and evidence files
-- with their chain of custody (issue 13, ADR 0038). Every row names its incident and, for the tenant filter, the
-- incident's organisation. Rows go when their incident goes (the cascade), never otherwise.

-- Append-only: the application inserts entries and never updates or deletes one. A correction is a new entry whose
-- `corrects` names the earlier entry of the same incident (the composite key keeps it within the incident).
-- occurred_at is when it happened as the author says; recorded_at is the server's clock when it was written.
-- ASSET_STATUS entries are written by the application when an asset's compromise status changes: the asset, the
-- status before and after; their body is the asset's name as it was then.
CREATE TABLE incident_entry (
    id              UUID                     NOT NULL,
    incident_id     UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    kind            VARCHAR(30)              NOT NULL,
    body            VARCHAR(4000)            NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    author_id       UUID                     NOT NULL,
    author_name     VARCHAR(200)             NOT NULL,
    tlp             VARCHAR(15)              NOT NULL,
    corrects        UUID,
    asset_id        UUID,
    status_from     VARCHAR(20),
    status_to       VARCHAR(20),
    CONSTRAINT incident_entry_pk PRIMARY KEY (id),
    CONSTRAINT incident_entry_within_uk UNIQUE (incident_id, id),
    CONSTRAINT incident_entry_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE,
    CONSTRAINT incident_entry_corrects_fk FOREIGN KEY (incident_id, corrects)
        REFERENCES incident_entry (incident_id, id) ON DELETE CASCADE,
    CONSTRAINT incident_entry_kind_ck CHECK (kind IN ('OBSERVATION', 'DECISION', 'ACTION',
        'MESSAGE_FROM_ORGANISATION', 'MESSAGE_TO_ORGANISATION', 'ASSET_STATUS')),
    CONSTRAINT incident_entry_tlp_ck CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'))
);
CREATE INDEX incident_entry_incident_ix ON incident_entry (incident_id, occurred_at);

-- An affected system or account; its status changes are entries of the timeline above (the history is there).
CREATE TABLE incident_asset (
    id              UUID                     NOT NULL,
    incident_id     UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    name            VARCHAR(200)             NOT NULL,
    kind            VARCHAR(20)              NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by        UUID                     NOT NULL,
    added_by_name   VARCHAR(200)             NOT NULL,
    CONSTRAINT incident_asset_pk PRIMARY KEY (id),
    CONSTRAINT incident_asset_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE,
    CONSTRAINT incident_asset_kind_ck CHECK (kind IN ('SERVER', 'WORKSTATION', 'ACCOUNT', 'APPLICATION',
        'NETWORK_DEVICE', 'OTHER')),
    CONSTRAINT incident_asset_status_ck CHECK (status IN ('TO_BE_DETERMINED', 'COMPROMISED', 'NOT_COMPROMISED'))
);
CREATE INDEX incident_asset_incident_ix ON incident_asset (incident_id);

-- Indicators of compromise, stored normalised (lower case where case means nothing) so that one is there once.
CREATE TABLE incident_indicator (
    id              UUID                     NOT NULL,
    incident_id     UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    type            VARCHAR(10)              NOT NULL,
    indicator_value VARCHAR(2000)            NOT NULL,
    tlp             VARCHAR(15)              NOT NULL,
    note            VARCHAR(1000),
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by        UUID                     NOT NULL,
    added_by_name   VARCHAR(200)             NOT NULL,
    CONSTRAINT incident_indicator_pk PRIMARY KEY (id),
    CONSTRAINT incident_indicator_uk UNIQUE (incident_id, type, indicator_value),
    CONSTRAINT incident_indicator_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE,
    CONSTRAINT incident_indicator_type_ck CHECK (type IN ('IPV4', 'IPV6', 'DOMAIN', 'URL', 'SHA256', 'EMAIL',
        'OTHER')),
    CONSTRAINT incident_indicator_tlp_ck CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'))
);

-- Evidence files, kept in the database like other evidence (V16, V28), with the SHA-256 computed on upload.
CREATE TABLE incident_evidence (
    id              UUID                     NOT NULL,
    incident_id     UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    file_name       VARCHAR(255)             NOT NULL,
    size_bytes      BIGINT                   NOT NULL,
    sha256          VARCHAR(64)              NOT NULL,
    tlp             VARCHAR(15)              NOT NULL,
    description     VARCHAR(1000),
    content         BYTEA                    NOT NULL,
    uploaded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    uploaded_by     UUID                     NOT NULL,
    uploaded_by_name VARCHAR(200)            NOT NULL,
    CONSTRAINT incident_evidence_pk PRIMARY KEY (id),
    CONSTRAINT incident_evidence_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE,
    CONSTRAINT incident_evidence_tlp_ck CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'))
);
CREATE INDEX incident_evidence_incident_ix ON incident_evidence (incident_id);

-- The chain of custody of one file, append-only: uploaded, each download, each hand-over (to whom and why).
CREATE TABLE incident_custody (
    id              UUID                     NOT NULL,
    evidence_id     UUID                     NOT NULL,
    incident_id     UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    action          VARCHAR(20)              NOT NULL,
    happened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    by_id           UUID                     NOT NULL,
    by_name         VARCHAR(200)             NOT NULL,
    handed_to       VARCHAR(200),
    reason          VARCHAR(1000),
    CONSTRAINT incident_custody_pk PRIMARY KEY (id),
    CONSTRAINT incident_custody_evidence_fk FOREIGN KEY (evidence_id) REFERENCES incident_evidence (id)
        ON DELETE CASCADE,
    CONSTRAINT incident_custody_action_ck CHECK (action IN ('UPLOADED', 'DOWNLOADED', 'HANDED_OVER'))
);
CREATE INDEX incident_custody_evidence_ix ON incident_custody (evidence_id, happened_at);
