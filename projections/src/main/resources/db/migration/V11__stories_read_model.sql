-- Read model of the Story aggregate, built by the "stories" processing group.
-- Erased beats are deleted, not flagged: an erase always removes a suffix of the story, so the
-- remaining beats keep the contiguous positions 1..beat_count and an erased beat id may be reused.

CREATE TABLE stories (
    story_id           text        PRIMARY KEY,
    world_id           text        NOT NULL,
    title              text        NOT NULL,
    owner_id           text        NOT NULL,
    status             text        NOT NULL,
    authors_note       text        NOT NULL DEFAULT '',
    pinned_memory      text        NOT NULL DEFAULT '',
    beat_count         integer     NOT NULL DEFAULT 0,
    narration_pending  boolean     NOT NULL DEFAULT false,
    pending_request_id text,
    started_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

CREATE INDEX stories_by_world ON stories (world_id, updated_at DESC);
CREATE INDEX stories_by_owner ON stories (owner_id);

CREATE TABLE story_participants (
    story_id  text        NOT NULL,
    user_id   text        NOT NULL,
    joined_at timestamptz NOT NULL,
    PRIMARY KEY (story_id, user_id)
);

CREATE INDEX story_participants_by_user ON story_participants (user_id, story_id);

CREATE TABLE beats (
    story_id                text        NOT NULL,
    -- beat ids are unique within a story only (the aggregate checks no more)
    beat_id                 text        NOT NULL,
    position                integer     NOT NULL,
    kind                    text        NOT NULL,
    player_id               text,
    -- the text shown: alternatives[selected_alternative + 1]
    text                    text        NOT NULL,
    edited                  boolean     NOT NULL DEFAULT false,
    original_text           text,
    alternatives            text[]      NOT NULL,
    -- per alternative (same index): the narrator's text before a hand edit, or null
    alternative_originals   text[]      NOT NULL,
    -- per alternative (same index): its provenance, null for player actions
    alternative_provenances jsonb       NOT NULL,
    selected_alternative    integer     NOT NULL DEFAULT 0,
    rating                  integer,
    -- the selected alternative's provenance
    provenance              jsonb,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    PRIMARY KEY (story_id, beat_id),
    CONSTRAINT beats_position_unique UNIQUE (story_id, position)
);
