package io.storyteller.command.continuity;

/**
 * One text as the fact extraction reads it: a lore entry (beat 0) or a beat of the story, with what
 * was told before it (to resolve "the bridge" to the Kingsbridge named a beat earlier). What was
 * told is read, never kept: a caller may hand its growing buffer rather than copy it for every text.
 */
record Telling(String text, int beat, boolean playerAction, CharSequence toldBefore) {

    boolean lore() {
        return beat == Fact.LORE;
    }

    Fact fact(ContinuityKind kind, String entity, String attribute, String value, String evidence) {
        return new Fact(kind, entity, attribute, value, beat, evidence.trim());
    }
}
