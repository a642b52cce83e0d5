-- E-mail goes through an outbox in the sender's transaction: nothing is lost when the mail server is down,
-- and a rolled-back change sends nothing. A scheduled job delivers with back-off.
CREATE TABLE mail_outbox (
    id              UUID                     NOT NULL,
    recipient       VARCHAR(254)             NOT NULL,
    subject         VARCHAR(200)             NOT NULL,
    body            VARCHAR(20000)           NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INT                      NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500),
    CONSTRAINT mail_outbox_pk PRIMARY KEY (id)
);
CREATE INDEX mail_outbox_due_ix ON mail_outbox (sent_at, next_attempt_at);

-- ShedLock: a scheduled job runs on one node of the cluster at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);
