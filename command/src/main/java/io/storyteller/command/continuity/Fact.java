package io.storyteller.command.continuity;

import java.util.Locale;

/**
 * Something the story or the lore established: {@code entity}'s {@code attribute} is {@code value}
 * since beat {@code sinceBeat} (1-based; 0 for the world's lore). {@code evidence} is the text it was
 * read from. A later fact with the same {@link #key()} replaces an earlier one.
 */
public record Fact(ContinuityKind kind, String entity, String attribute, String value, int sinceBeat, String evidence) {

    public static final int LORE = 0;

    /** Identifies what the fact is about, not what it says: the same for a fact and its correction. */
    public String key() {
        return (kind.label() + "/" + entity + "/" + attribute).toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    public Fact withValue(String newValue) {
        return new Fact(kind, entity, attribute, newValue, sinceBeat, evidence);
    }
}
