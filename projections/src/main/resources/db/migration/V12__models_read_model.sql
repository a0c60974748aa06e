-- Read model of the Model aggregate (the registry), built by the "models" processing group.
-- Like the other read models: unbounded text, no foreign keys, rebuilt by replay.

CREATE TABLE models (
    model_id                 text        PRIMARY KEY,
    provider                 text        NOT NULL,
    provider_model_id        text        NOT NULL,
    kind                     text        NOT NULL,
    capabilities             text[]      NOT NULL DEFAULT '{}',
    context_window           integer     NOT NULL,
    -- USD per million tokens; narration_outcomes prices its beats with these
    price_input_per_million  numeric     NOT NULL,
    price_output_per_million numeric     NOT NULL,
    price_currency           text        NOT NULL,
    license                  text        NOT NULL,
    source                   text        NOT NULL,
    status                   text        NOT NULL,
    discovered_by            text,
    registered_by            text        NOT NULL,
    retired_reason           text,
    -- set for variants only
    variant_name             text,
    variant_base_model_id    text,
    variant_base_version     text,
    variant_use_case         text,
    variant_system_prompt    text,
    variant_temperature      double precision,
    variant_top_p            double precision,
    variant_max_tokens       integer,
    registered_at            timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL
);

CREATE INDEX models_by_provider ON models (provider, kind, status);

CREATE TABLE model_versions (
    model_id              text        NOT NULL,
    version               text        NOT NULL,
    artifact_uri          text,
    artifact_sha256       text,
    artifact_size_bytes   bigint,
    derived_from_model_id text,
    derived_from_version  text,
    training_data_range   text,
    added_by              text        NOT NULL,
    -- the model's event sequence number: orders versions oldest first
    event_seq             bigint      NOT NULL,
    added_at              timestamptz NOT NULL,
    PRIMARY KEY (model_id, version)
);

CREATE TABLE model_evaluations (
    model_id     text        NOT NULL,
    -- the model's event sequence number: one row per ModelEvaluated, kept once
    event_seq    bigint      NOT NULL,
    version      text        NOT NULL,
    suite        text        NOT NULL,
    metrics      jsonb       NOT NULL,
    evaluated_by text        NOT NULL,
    evaluated_at timestamptz NOT NULL,
    PRIMARY KEY (model_id, event_seq)
);
