-- Tamper-evident audit trail. Every row carries an HMAC over its content and the previous row's HMAC, so an
-- edited, deleted or reordered row breaks the chain from that point on. The head row records the last
-- position and is locked while appending, so that nodes of a cluster append one after another.
CREATE TABLE audit_event (
    seq             BIGINT                   NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type      VARCHAR(60)              NOT NULL,
    outcome         VARCHAR(20)              NOT NULL,
    actor_id        UUID,
    actor           VARCHAR(254),
    organisation_id UUID,
    client_address  VARCHAR(64),
    details         VARCHAR(2000),
    previous_hash   VARCHAR(64)              NOT NULL,
    hash            VARCHAR(64)              NOT NULL,
    CONSTRAINT audit_event_pk PRIMARY KEY (seq)
);
CREATE INDEX audit_event_occurred_ix ON audit_event (occurred_at);
CREATE INDEX audit_event_actor_ix ON audit_event (actor);
CREATE INDEX audit_event_organisation_ix ON audit_event (organisation_id);
CREATE INDEX audit_event_type_ix ON audit_event (event_type);

CREATE TABLE audit_chain_head (
    id   INT         NOT NULL,
    seq  BIGINT      NOT NULL,
    hash VARCHAR(64) NOT NULL,
    CONSTRAINT audit_chain_head_pk PRIMARY KEY (id)
);
INSERT INTO audit_chain_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
