-- Accounts, their programme-wide roles and their memberships of organisations.
CREATE TABLE user_account (
    id            UUID                     NOT NULL,
    email         VARCHAR(254)             NOT NULL,
    display_name  VARCHAR(120)             NOT NULL,
    password_hash VARCHAR(500)             NOT NULL,
    enabled       BOOLEAN                  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at TIMESTAMP WITH TIME ZONE,
    previous_login_at TIMESTAMP WITH TIME ZONE,
    version       INT                      NOT NULL,
    CONSTRAINT user_account_pk PRIMARY KEY (id)
);
-- E-mail addresses are stored lower-case by the application; the index keeps them unique.
CREATE UNIQUE INDEX user_account_email_uq ON user_account (email);

CREATE TABLE programme_role (
    user_account_id UUID        NOT NULL,
    role            VARCHAR(40) NOT NULL,
    CONSTRAINT programme_role_pk PRIMARY KEY (user_account_id, role),
    CONSTRAINT programme_role_user_fk FOREIGN KEY (user_account_id) REFERENCES user_account (id) ON DELETE CASCADE,
    CONSTRAINT programme_role_ck CHECK (role IN ('PROGRAMME_OFFICER', 'AUDITOR', 'HACKING_SUPERVISOR', 'STUDENT',
                                                 'CRT_ANALYST', 'TOOLKIT_EDITOR', 'PLATFORM_ADMIN'))
);

-- Tenant-owned: the organisation comes first in the key so the table can be distributed by organisation.
CREATE TABLE membership (
    organisation_id UUID                     NOT NULL,
    user_account_id UUID                     NOT NULL,
    role            VARCHAR(40)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT membership_pk PRIMARY KEY (organisation_id, user_account_id),
    CONSTRAINT membership_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT membership_user_fk FOREIGN KEY (user_account_id) REFERENCES user_account (id) ON DELETE CASCADE,
    CONSTRAINT membership_role_ck CHECK (role IN ('ORGANISATION_ADMIN', 'MEMBER', 'VIEWER'))
);
CREATE INDEX membership_user_ix ON membership (user_account_id);
