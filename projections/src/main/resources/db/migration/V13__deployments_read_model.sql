-- Read model of the Deployment aggregate (use-case slots and their rollouts), built by the
-- "deployments" processing group.

CREATE TABLE deployments (
    deployment_id               text        PRIMARY KEY,
    use_case                    text        NOT NULL,
    world_id                    text,
    stable_model_id             text        NOT NULL,
    stable_version              text        NOT NULL,
    -- the rollout in progress; all null when none is
    rollout_id                  text,
    rollout_candidate_model_id  text,
    rollout_candidate_version   text,
    rollout_strategy            jsonb,
    rollout_phase               text,
    rollout_step                integer,
    rollout_weight              integer,
    rollout_paused              boolean,
    rollout_reason              text,
    rollout_started_at          timestamptz,
    -- aggregate sequence number of the last event applied: a late redelivery cannot undo a later one
    last_event_seq              bigint      NOT NULL,
    created_at                  timestamptz NOT NULL,
    updated_at                  timestamptz NOT NULL
);

-- ResolveNarrator reads the world's slot and the global slot by primary key; FindDeployments by world
CREATE INDEX deployments_by_world ON deployments (world_id, deployment_id);

CREATE TABLE rollout_analyses (
    deployment_id text        NOT NULL,
    event_seq     bigint      NOT NULL,
    rollout_id    text        NOT NULL,
    step          integer     NOT NULL,
    phase         text        NOT NULL,
    stable        jsonb       NOT NULL,
    candidate     jsonb       NOT NULL,
    results       jsonb       NOT NULL,
    verdict       text        NOT NULL,
    rationale     text        NOT NULL,
    analyzed_by   text        NOT NULL,
    analyzed_at   timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, event_seq)
);

CREATE INDEX rollout_analyses_by_rollout ON rollout_analyses (deployment_id, rollout_id, event_seq);

-- What happened to each rollout, in order: STARTED, ADVANCED, PAUSED, RESUMED, PROMOTED, ROLLED_BACK, ABORTED
CREATE TABLE rollout_history (
    deployment_id      text        NOT NULL,
    event_seq          bigint      NOT NULL,
    rollout_id         text        NOT NULL,
    kind               text        NOT NULL,
    candidate_model_id text,
    candidate_version  text,
    step               integer,
    weight             integer,
    reason             text,
    actor              text        NOT NULL,
    occurred_at        timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, event_seq)
);

CREATE INDEX rollout_history_by_rollout ON rollout_history (rollout_id, event_seq);

CREATE TABLE auto_switch_decisions (
    deployment_id        text        NOT NULL,
    event_seq            bigint      NOT NULL,
    candidate_model_id   text        NOT NULL,
    candidate_version    text        NOT NULL,
    stable_model_id      text        NOT NULL,
    stable_version       text        NOT NULL,
    switching            boolean     NOT NULL,
    rationale            text        NOT NULL,
    candidate_evaluation jsonb       NOT NULL,
    stable_evaluation    jsonb       NOT NULL,
    policy               jsonb       NOT NULL,
    rollout_id           text,
    decided_by           text        NOT NULL,
    decided_at           timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, event_seq)
);
