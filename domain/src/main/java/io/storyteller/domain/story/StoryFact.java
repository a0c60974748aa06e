package io.storyteller.domain.story;

import java.util.List;
import java.util.Locale;

/**
 * A fact of a story as the continuity engine reads it: {@code entity}'s {@code attribute} is
 * {@code value} since the beat at {@code sinceBeat} (1-based position), read from {@code evidence}.
 * {@code kind} is one of the ten kinds of contradiction it guards against ({@link #KINDS}).
 */
public record StoryFact(String kind, String entity, String attribute, String value, int sinceBeat, String evidence) {

    public static final List<String> KINDS = List.of("death", "destroyed-place", "name", "possession", "location",
            "count", "time", "relationship", "physical-state", "lore-rule");

    /** What the fact is about, not what it says: a correction keeps it. The engine's facts use the same key. */
    public String key() {
        return keyOf(kind, entity, attribute);
    }

    public static String keyOf(String kind, String entity, String attribute) {
        return (kind + "/" + entity + "/" + attribute).toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    StoryFact withValue(String newValue) {
        return new StoryFact(kind, entity, attribute, newValue, sinceBeat, evidence);
    }

    StoryFact withEvidence(String newEvidence) {
        return new StoryFact(kind, entity, attribute, value, sinceBeat, newEvidence);
    }
}
