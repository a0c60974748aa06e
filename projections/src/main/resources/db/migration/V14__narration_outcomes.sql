-- One row per routed narration call (NarrationRecorded, NarrationFailed, ShadowNarrationRecorded
-- whose route names a deployment), built by the "narration-metrics" processing group; the rollout
-- saga's per-arm metrics (FindArmMetrics) are computed over it.

CREATE TABLE narration_outcomes (
    -- the event's message identifier: each call counts once however often it is delivered
    event_id           text        PRIMARY KEY,
    story_id           text        NOT NULL,
    request_id         text        NOT NULL,
    -- the narration beat (null for failures and shadow calls, which make no beat)
    beat_id            text,
    alternative_index  integer,
    -- whether this is the beat's selected alternative: a BeatRated rates that row
    selected           boolean     NOT NULL DEFAULT false,
    deployment_id      text        NOT NULL,
    rollout_id         text,
    rollout_step       integer,
    arm                text        NOT NULL,
    model              text,
    model_version      text,
    latency_ms         bigint      NOT NULL,
    prompt_tokens      integer     NOT NULL,
    completion_tokens  integer     NOT NULL,
    failed             boolean     NOT NULL,
    rating             integer,
    -- USD, priced from the model's registry entry when the call was projected (0 when unknown)
    cost               numeric     NOT NULL,
    -- no guardrail or detector exists yet: both stay 0 until one records its verdicts
    guardrail_blocked  boolean     NOT NULL DEFAULT false,
    detector_score     double precision NOT NULL DEFAULT 0,
    occurred_at        timestamptz NOT NULL
);

-- FindArmMetrics: one rollout's calls since an instant, by arm
CREATE INDEX narration_outcomes_by_rollout ON narration_outcomes (deployment_id, rollout_id, occurred_at, arm);
-- BeatRated and NarrationAlternativeSelected find a beat's rows
CREATE INDEX narration_outcomes_by_beat ON narration_outcomes (story_id, beat_id) WHERE beat_id IS NOT NULL;
