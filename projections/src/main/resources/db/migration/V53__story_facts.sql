-- One row per fact that stands in a story (the continuity engine's readings, and what people pinned
-- or corrected), built by the "story-facts" processing group; the storyFacts query reads it.
-- The rules are the domain's StandingFacts: a beat's reading replaces what that beat established; a
-- later beat's fact is not replaced by an earlier one's; a pinned or corrected key is held against
-- every later reading; erased beats take the facts they established with them.

CREATE TABLE story_facts (
    story_id      text        NOT NULL,
    -- what the fact is about (kind/entity/attribute), the same for a fact and its correction
    fact_key      text        NOT NULL,
    kind          text        NOT NULL,
    entity        text        NOT NULL,
    attribute     text        NOT NULL,
    value         text        NOT NULL,
    -- the 1-based position of the beat it was read from when read (0: the lore)
    since_beat    integer     NOT NULL,
    evidence      text        NOT NULL,
    -- the beat whose reading established it; null once a person pinned it
    beat_id       text,
    pinned_by     text,
    corrected_by  text,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (story_id, fact_key)
);

-- a beat read again or erased: the facts it established
CREATE INDEX story_facts_by_beat ON story_facts (story_id, beat_id);
