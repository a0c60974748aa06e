package io.storyteller.command.housemodel.prose;

/**
 * A world's trained language model as the house narrator uses it: how likely it finds a sentence
 * after the text before it, which lets it choose among well-formed options, and which words the
 * world's texts use. One scorer serves one beat (it may cache).
 */
public interface SentenceScorer {

    /** The mean natural-log probability per token of {@code sentence} following {@code before}. */
    double meanLogProbability(String before, String sentence);

    /** Whether the world's texts use the word (lower case). */
    boolean knows(String word);
}
