-- Second factor: one TOTP secret per account (unconfirmed until the first correct code) and ten single-use
-- recovery codes, stored as password hashes. last_used_step makes every TOTP code single-use.
CREATE TABLE totp_enrolment (
    user_account_id UUID                     NOT NULL,
    secret          VARCHAR(64)              NOT NULL,
    confirmed_at    TIMESTAMP WITH TIME ZONE,
    last_used_step  BIGINT                   NOT NULL,
    CONSTRAINT totp_enrolment_pk PRIMARY KEY (user_account_id),
    CONSTRAINT totp_enrolment_user_fk FOREIGN KEY (user_account_id) REFERENCES user_account (id) ON DELETE CASCADE
);

CREATE TABLE recovery_code (
    user_account_id UUID                     NOT NULL,
    code_hash       VARCHAR(200)             NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT recovery_code_pk PRIMARY KEY (user_account_id, code_hash),
    CONSTRAINT recovery_code_user_fk FOREIGN KEY (user_account_id) REFERENCES user_account (id) ON DELETE CASCADE
);
