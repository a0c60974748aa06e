package io.storyteller.graphql.story;

import io.storyteller.domain.story.StoryFact;

/** A fact a person pins; {@code sinceBeat} defaults to 0 (true from the start) and evidence may be left out. */
public record StoryFactInput(String kind, String entity, String attribute, String value, Integer sinceBeat, String evidence) {

    StoryFact toFact() {
        return new StoryFact(kind, entity, attribute, value, sinceBeat == null ? 0 : sinceBeat, evidence);
    }
}
