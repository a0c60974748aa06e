package io.storyteller.domain.story;

import java.util.List;

/**
 * The review, detector and guardrail verdicts on one candidate. Review scores are in [0, 1],
 * higher is better; {@code total} is what candidates are ranked by.
 *
 * @param loreConsistency 1 without contradictions of the world's lore, lower with each one
 * @param continuity      1 without contradictions of the story's facts, lower with each one
 * @param coherence       how close the candidate's meaning is to the turn's context (embedding similarity)
 * @param novelty         how little it repeats the recent beats (distinct n-grams)
 * @param reviewer        the reviewer deployment's score, null when no reviewer slot serves the world
 * @param detector        how machine-written it reads, null when no detector scored it
 * @param guardrail       the guardrail's verdict, null when it was not checked (a failed candidate)
 */
public record CandidateScores(double loreConsistency,
        double continuity,
        double coherence,
        double novelty,
        Double reviewer,
        double total,
        Double detector,
        HarmVerdict guardrail,
        List<Contradiction> contradictions) {

    public CandidateScores {
        contradictions = contradictions == null ? List.of() : List.copyOf(contradictions);
    }
}
