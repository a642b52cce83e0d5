-- Personal API tokens. Only a SHA-256 of the token is stored (the token itself is shown once); tokens are
-- random 256-bit values, so a fast hash suffices and lookups stay cheap.
CREATE TABLE api_token (
    id              UUID                     NOT NULL,
    user_account_id UUID                     NOT NULL,
    name            VARCHAR(100)             NOT NULL,
    token_hash      VARCHAR(64)              NOT NULL,
    token_prefix    VARCHAR(12)              NOT NULL,
    scope           VARCHAR(10)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_token_pk PRIMARY KEY (id),
    CONSTRAINT api_token_user_fk FOREIGN KEY (user_account_id) REFERENCES user_account (id) ON DELETE CASCADE,
    CONSTRAINT api_token_scope_ck CHECK (scope IN ('READ', 'WRITE'))
);
CREATE UNIQUE INDEX api_token_hash_uq ON api_token (token_hash);
CREATE INDEX api_token_user_ix ON api_token (user_account_id);
