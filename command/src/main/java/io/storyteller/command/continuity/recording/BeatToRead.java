package io.storyteller.command.continuity.recording;

/**
 * A beat as it now stands in its story, ready for the engine: its text (the selected alternative,
 * edits included), its 1-based position, whether a player wrote it, and the story's text before it.
 */
record BeatToRead(String text, int position, boolean playerAction, String toldBefore) {
}
