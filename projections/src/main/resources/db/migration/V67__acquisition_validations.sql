-- The validation that judges an acquired version (AcquiredModelValidationRequested), and its result
-- once the candidate's ModelValidated arrives: what ranks downloaded models for a use case.

ALTER TABLE acquisitions
    ADD COLUMN validation_id         text,
    ADD COLUMN validation_passed     boolean,
    ADD COLUMN validation_wins       integer,
    ADD COLUMN validation_losses     integer,
    ADD COLUMN validation_ties       integer,
    ADD COLUMN validation_reasons    text[],
    ADD COLUMN validation_requested_at timestamptz,
    ADD COLUMN validated_at          timestamptz;

CREATE UNIQUE INDEX acquisitions_by_validation ON acquisitions (validation_id) WHERE validation_id IS NOT NULL;
