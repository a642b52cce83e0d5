-- Yearly campaigns of the programme office: which organisations are asked to evaluate which framework version
-- by when. framework_version_id names a version of the framework module and organisation_id an organisation;
-- the campaign module checks both exist, there is no foreign key across modules (ADR 0001).
CREATE TABLE campaign (
    id                   UUID                     NOT NULL,
    name                 VARCHAR(200)             NOT NULL,
    framework_version_id UUID                     NOT NULL,
    campaign_year        INT                      NOT NULL,
    invited_type         VARCHAR(40),
    starts_on            DATE                     NOT NULL,
    deadline             DATE                     NOT NULL,
    reminder_days        VARCHAR(100)             NOT NULL,
    opened_by            UUID                     NOT NULL,
    opened_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT campaign_pk PRIMARY KEY (id),
    CONSTRAINT campaign_dates_ck CHECK (deadline > starts_on),
    CONSTRAINT campaign_year_ck CHECK (campaign_year BETWEEN 2000 AND 2100)
);
-- One campaign per framework version and year: a second would send every organisation a second set of mails.
CREATE UNIQUE INDEX campaign_once_a_year_uq ON campaign (framework_version_id, campaign_year);

-- The organisations invited when the campaign opened (named as they were then, for the mails), each with its
-- own deadline: the campaign's, or a later one granted with a reason (who, when).
CREATE TABLE campaign_participant (
    campaign_id      UUID                     NOT NULL,
    organisation_id  UUID                     NOT NULL,
    organisation     VARCHAR(200)             NOT NULL,
    deadline         DATE                     NOT NULL,
    extension_reason VARCHAR(1000),
    extended_by      UUID,
    extended_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT campaign_participant_pk PRIMARY KEY (campaign_id, organisation_id),
    CONSTRAINT campaign_participant_fk FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE
);
CREATE INDEX campaign_participant_organisation_ix ON campaign_participant (organisation_id);

-- Every reminder sent to an organisation. reminder_key names the occasion ("D7@2027-01-31": seven days before
-- that deadline; "M@2026-12-02": by hand on that day), so the key refuses a second mail for the same occasion.
CREATE TABLE campaign_reminder (
    campaign_id     UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    reminder_key    VARCHAR(30)              NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_by         UUID,
    recipients      INT                      NOT NULL,
    CONSTRAINT campaign_reminder_pk PRIMARY KEY (campaign_id, organisation_id, reminder_key),
    CONSTRAINT campaign_reminder_fk FOREIGN KEY (campaign_id, organisation_id)
        REFERENCES campaign_participant (campaign_id, organisation_id) ON DELETE CASCADE
);
