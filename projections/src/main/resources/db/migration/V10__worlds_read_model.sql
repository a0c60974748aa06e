-- Read model of the World aggregate, built by the "worlds" processing group.
-- Columns are unbounded text: the aggregate validates lengths, and a read model that is
-- stricter than the domain would stall its projection on a legal event.
-- No foreign keys: read models are rebuilt by replay and each table is cleared by its own handler.

CREATE TABLE worlds (
    world_id        text        PRIMARY KEY,
    name            text        NOT NULL,
    premise         text        NOT NULL,
    genre           text        NOT NULL,
    tone            text        NOT NULL,
    content_rating  text        NOT NULL,
    narrative_style text        NOT NULL DEFAULT '',
    owner_id        text        NOT NULL,
    archived        boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE world_members (
    world_id  text        NOT NULL,
    user_id   text        NOT NULL,
    role      text        NOT NULL,
    joined_at timestamptz NOT NULL,
    PRIMARY KEY (world_id, user_id)
);

-- "which worlds do I belong to" and the story moderation check look members up by user
CREATE INDEX world_members_by_user ON world_members (user_id, world_id);

CREATE TABLE lore_entries (
    world_id       text        NOT NULL,
    lore_entry_id  text        NOT NULL,
    title          text        NOT NULL,
    trigger_keys   text[]      NOT NULL DEFAULT '{}',
    content        text        NOT NULL,
    category       text        NOT NULL,
    priority       integer     NOT NULL,
    always_on      boolean     NOT NULL,
    retired        boolean     NOT NULL DEFAULT false,
    revision       integer     NOT NULL,
    -- aggregate sequence number of the last event applied: makes the revision counter idempotent
    last_event_seq bigint      NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (world_id, lore_entry_id)
);

-- the narration engine only ever wants the active entries of one world
CREATE INDEX lore_entries_active ON lore_entries (world_id, priority DESC) WHERE NOT retired;

CREATE TABLE house_model_versions (
    world_id          text        NOT NULL,
    version           integer     NOT NULL,
    model_key         text        NOT NULL,
    sha256            text        NOT NULL,
    corpus_from_index bigint      NOT NULL,
    corpus_to_index   bigint      NOT NULL,
    documents         integer     NOT NULL,
    tokens            bigint      NOT NULL,
    vocabulary_size   integer     NOT NULL,
    trained_at        timestamptz,
    recorded_at       timestamptz NOT NULL,
    PRIMARY KEY (world_id, version)
);
