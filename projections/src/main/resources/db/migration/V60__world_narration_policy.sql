-- How a world's turns are narrated (NarrationPolicySet); the defaults are NarrationPolicy.defaults().
ALTER TABLE worlds
    ADD COLUMN ensemble_candidates      integer          NOT NULL DEFAULT 1,
    ADD COLUMN ensemble_deployments     text[]           NOT NULL DEFAULT '{}',
    ADD COLUMN turn_deadline_ms         bigint           NOT NULL DEFAULT 60000,
    ADD COLUMN detector_threshold       double precision NOT NULL DEFAULT 0.9,
    ADD COLUMN max_tries                integer          NOT NULL DEFAULT 2,
    ADD COLUMN guardrail_action         text             NOT NULL DEFAULT 'REGENERATE';
