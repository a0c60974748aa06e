package io.storyteller.command.validation;

/**
 * One suite item, both answers side by side.
 *
 * @param incumbentScore null when there was no incumbent
 */
record ItemResult(String input, String candidateAnswer, String incumbentAnswer, double candidateScore,
        Double incumbentScore) {
}
