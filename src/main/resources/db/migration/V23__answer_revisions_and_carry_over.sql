-- Every saved state of an answer, by revision. A save based on an older revision is merged field by field
-- against the state that person's page showed (ADR 0019): a field only they changed is taken, a field only a
-- colleague changed is kept, a field both changed differently is a conflict they resolve on the page.
CREATE TABLE assessment_answer_revision (
    organisation_id UUID                     NOT NULL,
    assessment_id   UUID                     NOT NULL,
    control_ref     VARCHAR(40)              NOT NULL,
    revision        INT                      NOT NULL,
    documentation   SMALLINT,
    implementation  SMALLINT,
    not_applicable  BOOLEAN                  NOT NULL,
    justification   VARCHAR(2000),
    comment         VARCHAR(4000),
    answered_by     UUID                     NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT assessment_answer_revision_pk PRIMARY KEY (organisation_id, assessment_id, control_ref, revision),
    CONSTRAINT assessment_answer_revision_fk FOREIGN KEY (organisation_id, assessment_id)
        REFERENCES assessment (organisation_id, id) ON DELETE CASCADE
);
INSERT INTO assessment_answer_revision (organisation_id, assessment_id, control_ref, revision, documentation,
    implementation, not_applicable, justification, comment, answered_by, answered_at)
SELECT organisation_id, assessment_id, control_ref, revision, documentation, implementation, not_applicable,
    justification, comment, answered_by, answered_at
FROM assessment_answer;

-- An answer taken over from last year stays marked until someone confirms or changes it.
ALTER TABLE assessment_answer ADD COLUMN carried_over BOOLEAN DEFAULT FALSE NOT NULL;

-- Evidence taken over from last year points at the stored file instead of copying its bytes; the earlier
-- assessment is submitted, so its evidence no longer changes or disappears.
ALTER TABLE assessment_evidence ADD COLUMN carried_from UUID;
