-- Read model of the FineTuning aggregate, built by the "fine-tunings" processing group.
-- Like the other read models: no foreign keys, rebuilt by replay. Each row remembers the
-- aggregate sequence number of the last event applied, so an event delivered twice changes nothing.

CREATE TABLE fine_tunings (
    fine_tuning_id       text             PRIMARY KEY,
    status               text             NOT NULL,
    -- the step it is at, or ended at: EXPORT, TRAIN, VALIDATE, ROLLOUT
    step                 text             NOT NULL,
    base_model_id        text             NOT NULL,
    base_version         text             NOT NULL,
    use_case             text             NOT NULL,
    backend              text             NOT NULL,
    world_id             text,
    selection            jsonb            NOT NULL,
    hyper_parameters     jsonb            NOT NULL,
    margin               double precision,
    -- the dataset's manifest, once exported
    export_id            text,
    dataset_directory    text,
    dataset_digest       text,
    dataset_records      jsonb,
    -- the trained candidate and what training measured
    candidate_model_id   text,
    candidate_version    text,
    training_metrics     jsonb,
    -- the validation's summary and the promotion decision taken on it
    validation_id        text,
    validation_passed    boolean,
    validation_wins      integer,
    validation_losses    integer,
    validation_ties      integer,
    validation_score     double precision,
    validation_margin    double precision,
    incumbent_model_id   text,
    incumbent_version    text,
    promoted             boolean,
    -- why the candidate is not rolled out
    reasons              text[]           NOT NULL DEFAULT '{}',
    deployment_id        text,
    rollout_id           text,
    failure_step         text,
    failure_reason       text,
    failure_attempts     integer,
    -- FineTuningEntry objects, oldest first
    history              jsonb            NOT NULL DEFAULT '[]',
    requested_by         text             NOT NULL,
    requested_at         timestamptz      NOT NULL,
    updated_at           timestamptz      NOT NULL,
    last_event_seq       bigint           NOT NULL
);

CREATE INDEX fine_tunings_newest ON fine_tunings (requested_at DESC, fine_tuning_id);
CREATE INDEX fine_tunings_by_status ON fine_tunings (status, requested_at DESC);
