-- Passkeys (WebAuthn) as an alternative second factor. The two tables are the ones Spring Security's
-- JdbcPublicKeyCredentialUserEntityRepository and JdbcUserCredentialRepository read and write; the column
-- names are theirs. user_entities.name is the account's e-mail address (the name it signs in with).
-- BYTEA is PostgreSQL's binary type and an alias of H2's VARBINARY, so this file runs on both.
CREATE TABLE user_entities (
    id           VARCHAR(1000) NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    display_name VARCHAR(200),
    CONSTRAINT user_entities_pk PRIMARY KEY (id)
);

CREATE UNIQUE INDEX user_entities_name_uk ON user_entities (name);

CREATE TABLE user_credentials (
    credential_id                VARCHAR(1000) NOT NULL,
    user_entity_user_id          VARCHAR(1000) NOT NULL,
    public_key                   BYTEA         NOT NULL,
    signature_count              BIGINT,
    uv_initialized               BOOLEAN,
    backup_eligible              BOOLEAN       NOT NULL,
    authenticator_transports     VARCHAR(1000),
    public_key_credential_type   VARCHAR(100),
    backup_state                 BOOLEAN       NOT NULL,
    attestation_object           BYTEA,
    attestation_client_data_json BYTEA,
    created                      TIMESTAMP,
    last_used                    TIMESTAMP,
    label                        VARCHAR(1000) NOT NULL,
    CONSTRAINT user_credentials_pk PRIMARY KEY (credential_id),
    CONSTRAINT user_credentials_user_fk FOREIGN KEY (user_entity_user_id) REFERENCES user_entities (id)
        ON DELETE CASCADE
);

CREATE INDEX user_credentials_user_ix ON user_credentials (user_entity_user_id);

-- A person replacing their authenticator app: the new secret waits here until a first code from the new app
-- confirms it, so the old app keeps working if the replacement is abandoned. Both columns widen to hold the
-- encrypted form of a secret.
ALTER TABLE totp_enrolment ALTER COLUMN secret SET DATA TYPE VARCHAR(200);
ALTER TABLE totp_enrolment ADD COLUMN replacement_secret VARCHAR(200);
