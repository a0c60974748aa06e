-- The application instances sharing one database: each writes its row every few seconds, so the
-- others know who is alive and which processors it runs (segments are balanced among those).
CREATE TABLE processing_instances (
    instance_id text PRIMARY KEY,
    processors  text[]      NOT NULL,
    started_at  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL
);

-- Live updates too long for a notification's payload, relayed to the other instances by reference
-- and removed a minute later.
CREATE TABLE live_update_relay (
    id         bigserial PRIMARY KEY,
    payload    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
