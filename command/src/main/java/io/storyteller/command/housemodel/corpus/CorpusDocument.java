package io.storyteller.command.housemodel.corpus;

/**
 * One training document as it now stands: a lore entry or a beat.
 *
 * @param text      what the model learns from
 * @param changedAt global index of the event that last set this text
 */
public record CorpusDocument(String text, long changedAt) {
}
