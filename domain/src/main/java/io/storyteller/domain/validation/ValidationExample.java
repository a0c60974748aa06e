package io.storyteller.domain.validation;

/**
 * One item of a validation, the two answers side by side.
 *
 * @param outcome  {@code WIN}, {@code LOSS} or {@code TIE}, from the candidate's side
 * @param input    what both were given (a recorded player action, a labelled text), shortened
 * @param candidateAnswer the candidate's answer (a narration, a label), shortened
 * @param incumbentAnswer the incumbent's answer; null when there was no incumbent
 * @param candidateScore  the item's score for the candidate
 * @param incumbentScore  the item's score for the incumbent; null when there was none
 */
public record ValidationExample(String outcome,
        String input,
        String candidateAnswer,
        String incumbentAnswer,
        double candidateScore,
        Double incumbentScore) {
}
