-- Password reset links: single-use, one hour, only a SHA-256 of the token is kept.
CREATE TABLE password_reset (
    id              UUID                     NOT NULL,
    user_account_id UUID                     NOT NULL,
    token_hash      VARCHAR(64)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT password_reset_pk PRIMARY KEY (id),
    CONSTRAINT password_reset_user_fk FOREIGN KEY (user_account_id) REFERENCES user_account (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX password_reset_token_uq ON password_reset (token_hash);
CREATE INDEX password_reset_user_ix ON password_reset (user_account_id);
