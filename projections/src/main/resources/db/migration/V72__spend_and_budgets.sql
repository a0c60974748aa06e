-- Spend: one row per paid-for model call of a turn (every candidate, chosen or not, and every shadow
-- call), kept by the "spend" processing group. A row is keyed by its event and its place in that
-- event, so a redelivered or replayed event writes nothing twice. Spend per world, deployment and
-- UTC day is summed from these rows when asked (the narration engine asks for one world and day).
CREATE TABLE spend_entries (
    event_id          text    NOT NULL,
    call_index        integer NOT NULL,
    world_id          text    NOT NULL,
    -- null when no deployment routed the call (the configured narrator)
    deployment_id     text,
    model             text,
    day               date    NOT NULL,
    prompt_tokens     bigint  NOT NULL,
    -- USD: the cost recorded with the candidate, else priced from models when projected
    completion_tokens bigint  NOT NULL,
    cost              numeric NOT NULL,
    PRIMARY KEY (event_id, call_index)
);

CREATE INDEX spend_entries_by_world_day ON spend_entries (world_id, day);
CREATE INDEX spend_entries_by_day ON spend_entries (day);

-- Which world a story is played in, for failures (their events do not name the world).
CREATE TABLE spend_story_worlds (
    story_id text PRIMARY KEY,
    world_id text NOT NULL
);

-- Spend limits, kept by the "budgets" processing group: scope 'global', or 'world:<id>'.
CREATE TABLE budgets (
    scope          text        PRIMARY KEY,
    world_id       text,
    daily_usd      numeric,
    monthly_usd    numeric,
    when_exhausted text        NOT NULL,
    set_by         text        NOT NULL,
    set_at         timestamptz NOT NULL
);
