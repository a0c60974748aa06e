-- One row per player action (PlayerActionSubmitted), built by the "recorded-actions" processing
-- group; the paid-model auto-switch replays a slot's most recent actions (FindRecentPlayerActions)
-- through a candidate and the stable model.

CREATE TABLE recorded_actions (
    story_id        text        NOT NULL,
    -- the action's beat: each action counts once however often its event is delivered
    action_beat_id  text        NOT NULL,
    world_id        text        NOT NULL,
    text            text        NOT NULL,
    -- the event's position in the log: orders actions with equal timestamps
    position        bigint      NOT NULL,
    submitted_at    timestamptz NOT NULL,
    PRIMARY KEY (story_id, action_beat_id)
);

-- FindRecentPlayerActions: a world's newest, and all worlds' newest
CREATE INDEX recorded_actions_by_world ON recorded_actions (world_id, submitted_at DESC, position DESC);
CREATE INDEX recorded_actions_by_time ON recorded_actions (submitted_at DESC, position DESC);
