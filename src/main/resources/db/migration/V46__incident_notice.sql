-- Notification drafts of incidents (issue 13, ADR 0042): one fact base, several reports. A draft is for one
-- recipient kind (the breach authority, the national CSIRT, the insurer); an authority or CSIRT draft belongs to one
-- obligation record, an insurer draft to the incident only. field_keys are the chosen fields of the fact base
-- (comma separated, in the fixed order). Once submitted, the exact text that went out, its SHA-256 and the fields are
-- frozen in the submitted_* columns and the row never changes again (the store only updates unsubmitted rows).
CREATE TABLE incident_notice (
    id                  UUID                     NOT NULL,
    incident_id         UUID                     NOT NULL,
    organisation_id     UUID                     NOT NULL,
    recipient_kind      VARCHAR(20)              NOT NULL,
    obligation_id       UUID,
    field_keys          VARCHAR(2000)            NOT NULL,
    cover_text          VARCHAR(4000),
    revision            INT                      NOT NULL,
    created_by          UUID                     NOT NULL,
    created_by_name     VARCHAR(200)             NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          UUID                     NOT NULL,
    updated_by_name     VARCHAR(200)             NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_text      TEXT,
    submitted_sha256    VARCHAR(64),
    submitted_fields    VARCHAR(2000),
    submitted_at        TIMESTAMP WITH TIME ZONE,
    submitted_channel   VARCHAR(100),
    submitted_reference VARCHAR(100),
    CONSTRAINT incident_notice_pk PRIMARY KEY (id),
    CONSTRAINT incident_notice_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE,
    CONSTRAINT incident_notice_kind_ck CHECK (recipient_kind IN ('AUTHORITY', 'CSIRT', 'INSURER')),
    CONSTRAINT incident_notice_owner_ck CHECK ((recipient_kind = 'INSURER') = (obligation_id IS NULL))
);
CREATE INDEX incident_notice_incident_ix ON incident_notice (incident_id, created_at);
