package io.storyteller.command.narration.pipeline;

/**
 * A candidate's text as the pipeline judges it.
 *
 * @param index the candidate's position in the turn, from 0, across rounds
 * @param round the generation round, from 1
 * @param text  what it wrote, null when it failed
 */
public record Draft(int index, int round, String text) {

    public boolean answered() {
        return text != null;
    }
}
