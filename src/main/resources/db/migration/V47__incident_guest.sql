-- Guests on one incident (issue 13, ADR 0043): an organisation's admin invites its external response firm or ICT
-- supplier to one incident until a Brussels date. Access is computed from the row on every request (accepted, not
-- revoked, expires_at after now), so expiry needs no job and revocation takes effect at once. account_id names an
-- account of the identity module once the invitation is accepted (no foreign key across modules, ADR 0001).
CREATE TABLE incident_guest (
    id              UUID                     NOT NULL,
    incident_id     UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    email           VARCHAR(254)             NOT NULL,
    firm            VARCHAR(200)             NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    invited_by      UUID                     NOT NULL,
    inviter_name    VARCHAR(200)             NOT NULL,
    invited_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    account_id      UUID,
    accepted_at     TIMESTAMP WITH TIME ZONE,
    revoked_by      UUID,
    revoker_name    VARCHAR(200),
    revoked_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT incident_guest_pk PRIMARY KEY (id),
    CONSTRAINT incident_guest_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE,
    CONSTRAINT incident_guest_revoked_ck CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX incident_guest_incident_ix ON incident_guest (incident_id);
CREATE INDEX incident_guest_account_ix ON incident_guest (account_id);

-- The identity module's single-use links for guests: the same invitation page as organisation and persona
-- invitations reads them (identity.membership.Invitations). id is the guest grant's id; only a SHA-256 of the
-- token is kept.
CREATE TABLE guest_invitation (
    id          UUID                     NOT NULL,
    email       VARCHAR(254)             NOT NULL,
    token_hash  VARCHAR(64)              NOT NULL,
    invited_by  UUID                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT guest_invitation_pk PRIMARY KEY (id)
);
CREATE UNIQUE INDEX guest_invitation_token_uq ON guest_invitation (token_hash);
