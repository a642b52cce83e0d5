-- Programme-wide personas: an auditor belongs to a named audit firm, a hacking supervisor or student to a
-- named college. Free text for now; later issues assign work to firms through the identity module's API.
ALTER TABLE programme_role ADD COLUMN affiliation VARCHAR(120);

-- Invitations to a programme-wide persona. Not tenant-owned (no organisation), hence a table of its own next
-- to the organisation-scoped invitation table. invited_by is empty for the first platform admin, whose
-- enrolment link comes from the command line. Only a SHA-256 of the single-use link token is kept.
CREATE TABLE persona_invitation (
    id          UUID                     NOT NULL,
    email       VARCHAR(254)             NOT NULL,
    persona     VARCHAR(40)              NOT NULL,
    affiliation VARCHAR(120),
    token_hash  VARCHAR(64)              NOT NULL,
    invited_by  UUID,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT persona_invitation_pk PRIMARY KEY (id),
    CONSTRAINT persona_invitation_persona_ck CHECK (persona IN ('PROGRAMME_OFFICER', 'AUDITOR', 'HACKING_SUPERVISOR',
                                                                'STUDENT', 'CRT_ANALYST', 'TOOLKIT_EDITOR',
                                                                'PLATFORM_ADMIN'))
);
CREATE UNIQUE INDEX persona_invitation_token_uq ON persona_invitation (token_hash);
