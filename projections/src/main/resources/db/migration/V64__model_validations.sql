-- Evaluation suites as defined (the built-in defaults are not stored: they apply until a suite of
-- their name is defined) and the validations recorded on models, each with its gates, tally and
-- examples as JSON. A validation is keyed by its model and event sequence number, so an event
-- delivered twice leaves one row.
CREATE TABLE evaluation_suites (
    name        text PRIMARY KEY,
    use_case    text NOT NULL,
    dataset     jsonb NOT NULL,
    metrics     jsonb NOT NULL,
    tie_margin  double precision NOT NULL,
    defined_by  text NOT NULL,
    revised_by  text,
    defined_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE model_validations (
    model_id             text NOT NULL,
    event_seq            bigint NOT NULL,
    validation_id        text NOT NULL,
    version              text NOT NULL,
    suite                text NOT NULL,
    incumbent_model_id   text,
    incumbent_version    text,
    passed               boolean NOT NULL,
    gates                jsonb NOT NULL,
    wins                 integer NOT NULL,
    losses               integer NOT NULL,
    ties                 integer NOT NULL,
    examples             jsonb NOT NULL,
    reasons              jsonb NOT NULL,
    validated_by         text NOT NULL,
    validated_at         timestamptz NOT NULL,
    PRIMARY KEY (model_id, event_seq)
);

CREATE INDEX model_validations_version ON model_validations (model_id, version, validated_at DESC);
CREATE INDEX model_validations_id ON model_validations (validation_id);
