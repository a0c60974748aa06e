package io.storyteller.command.housemodel.prose;

/**
 * A beat the house narrator wrote.
 *
 * @param pieces how many pieces were streamed (words, each with its leading space)
 * @param cut    whether sentences were left out to stay within the word limit
 */
public record WrittenBeat(String text, int pieces, boolean cut) {
}
