-- What the CRT learns from an incident (issue 13, ADR 0040): one root cause per incident and any number of lessons.
-- A lesson may be taken into the organisation's findings register once: adopted_at is set by a conditional update
-- (adopted_at IS NULL), so a double click or two people at once adopt it once and raise one event; the findings
-- register's listener is idempotent on the lesson's id as well. organisation_id is copied from the incident so that
-- every query filters by tenant without a join.
CREATE TABLE incident_review (
    incident_id     UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    root_cause      VARCHAR(4000)            NOT NULL,
    recorded_by     UUID                     NOT NULL,
    recorder_name   VARCHAR(200)             NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT incident_review_pk PRIMARY KEY (incident_id),
    CONSTRAINT incident_review_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE
);

CREATE TABLE incident_lesson (
    id              UUID                     NOT NULL,
    incident_id     UUID                     NOT NULL,
    organisation_id UUID                     NOT NULL,
    title           VARCHAR(200)             NOT NULL,
    detail          VARCHAR(4000),
    priority        VARCHAR(10)              NOT NULL,
    created_by      UUID                     NOT NULL,
    creator_name    VARCHAR(200)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    adopted_by      UUID,
    adopter_name    VARCHAR(200),
    adopted_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT incident_lesson_pk PRIMARY KEY (id),
    CONSTRAINT incident_lesson_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE,
    CONSTRAINT incident_lesson_priority_ck CHECK (priority IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW'))
);
CREATE INDEX incident_lesson_incident_ix ON incident_lesson (incident_id, created_at);
