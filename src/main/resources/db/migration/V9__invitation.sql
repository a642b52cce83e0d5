-- Invitations to join an organisation. Tenant-owned; only a SHA-256 of the single-use link token is kept.
CREATE TABLE invitation (
    id              UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    email           VARCHAR(254)             NOT NULL,
    role            VARCHAR(40)              NOT NULL,
    token_hash      VARCHAR(64)              NOT NULL,
    invited_by      UUID                     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT invitation_pk PRIMARY KEY (organisation_id, id),
    CONSTRAINT invitation_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT invitation_role_ck CHECK (role IN ('ORGANISATION_ADMIN', 'MEMBER', 'VIEWER'))
);
CREATE UNIQUE INDEX invitation_token_uq ON invitation (token_hash);
