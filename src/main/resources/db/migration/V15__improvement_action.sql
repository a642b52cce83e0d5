-- Improvement actions an organisation draws from the gaps of a self-evaluation. Until the findings register
-- exists they live here; ImprovementActionProposed announces each one for that register to pick up.
CREATE TABLE improvement_action (
    organisation_id UUID                     NOT NULL,
    id              UUID                     NOT NULL,
    assessment_id   UUID                     NOT NULL,
    control_ref     VARCHAR(40)              NOT NULL,
    title           VARCHAR(200)             NOT NULL,
    owner_id        UUID,
    due_date        DATE                     NOT NULL,
    priority        VARCHAR(10)              NOT NULL,
    created_by      UUID                     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT improvement_action_pk PRIMARY KEY (organisation_id, id),
    CONSTRAINT improvement_action_assessment_fk FOREIGN KEY (organisation_id, assessment_id)
        REFERENCES assessment (organisation_id, id) ON DELETE CASCADE,
    CONSTRAINT improvement_action_priority_ck CHECK (priority IN ('HIGH', 'MEDIUM', 'LOW'))
);
-- The same action sent twice (a double click) is stored once.
CREATE UNIQUE INDEX improvement_action_once_uq ON improvement_action (organisation_id, assessment_id, control_ref, title);
