-- Issue 10, the work list: per-person mail preferences, mails sent once per reason, improvement actions that
-- are edited and closed, and comments between colleagues on a control.

-- A person's own choices. No row means the defaults: Dutch, and every mail.
CREATE TABLE account_preference (
    user_account_id UUID                     NOT NULL,
    language        VARCHAR(2)               NOT NULL,
    work_mail       BOOLEAN                  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_preference_pk PRIMARY KEY (user_account_id),
    CONSTRAINT account_preference_account_fk FOREIGN KEY (user_account_id)
        REFERENCES user_account (id) ON DELETE CASCADE,
    CONSTRAINT account_preference_language_ck CHECK (language IN ('nl', 'en'))
);

-- A mail caused by an event that may be delivered twice (at-least-once listeners) carries a key naming its
-- reason and recipient; the unique index makes the second insert do nothing. Other mails have no key.
ALTER TABLE mail_outbox ADD COLUMN once_key VARCHAR(200);
CREATE UNIQUE INDEX mail_outbox_once_uq ON mail_outbox (once_key);

-- Improvement actions are edited and closed: who changed or closed one, and when.
ALTER TABLE improvement_action ADD COLUMN updated_by UUID;
ALTER TABLE improvement_action ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE improvement_action ADD COLUMN closed_by UUID;
ALTER TABLE improvement_action ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX improvement_action_owner_ix ON improvement_action (owner_id, closed_at, due_date);

-- Colleagues discuss a control. A comment is never edited or deleted: mentions were mailed with its text,
-- and the thread is part of how an answer came about (ADR 0018).
CREATE TABLE control_comment (
    organisation_id UUID                     NOT NULL,
    id              UUID                     NOT NULL,
    assessment_id   UUID                     NOT NULL,
    control_ref     VARCHAR(40)              NOT NULL,
    author_id       UUID                     NOT NULL,
    body            VARCHAR(2000)            NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT control_comment_pk PRIMARY KEY (organisation_id, id),
    CONSTRAINT control_comment_assessment_fk FOREIGN KEY (organisation_id, assessment_id)
        REFERENCES assessment (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX control_comment_thread_ix ON control_comment (organisation_id, assessment_id, control_ref, created_at);
