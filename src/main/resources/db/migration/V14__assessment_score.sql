-- The scores of a submitted assessment, written once at submission: peer figures and the programme overview
-- read these instead of scoring every assessment's answers again.
ALTER TABLE assessment ADD COLUMN total_score NUMERIC(6, 4);
ALTER TABLE assessment ADD COLUMN target_reached BOOLEAN;

CREATE TABLE assessment_score (
    organisation_id UUID          NOT NULL,
    assessment_id   UUID          NOT NULL,
    area_ref        VARCHAR(40)   NOT NULL,
    score           NUMERIC(6, 4) NOT NULL,
    CONSTRAINT assessment_score_pk PRIMARY KEY (organisation_id, assessment_id, area_ref),
    CONSTRAINT assessment_score_fk FOREIGN KEY (organisation_id, assessment_id)
        REFERENCES assessment (organisation_id, id) ON DELETE CASCADE
);
