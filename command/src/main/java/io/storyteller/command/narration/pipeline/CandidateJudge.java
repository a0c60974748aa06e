package io.storyteller.command.narration.pipeline;

import io.storyteller.domain.story.CandidateScores;
import io.storyteller.domain.story.HarmVerdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Reviews, detects and guards a round of drafts. Review: lore consistency and continuity (each
 * contradiction halves the way to 0), coherence with the context, novelty against the recent
 * beats; the total weighs them {@value #CONTINUITY_WEIGHT} / {@value #LORE_WEIGHT} /
 * {@value #COHERENCE_WEIGHT} / {@value #NOVELTY_WEIGHT}. Then the detector's score and the
 * guardrail's verdict at the world's rating. When the world has a reviewer, its score joins the
 * total with weight {@value #REVIEWER_WEIGHT} and the others share the rest in the same proportions.
 * A draft that failed is not judged.
 */
public class CandidateJudge {

    static final double CONTINUITY_WEIGHT = 0.30;
    static final double LORE_WEIGHT = 0.20;
    static final double COHERENCE_WEIGHT = 0.25;
    static final double NOVELTY_WEIGHT = 0.25;
    static final double REVIEWER_WEIGHT = 0.20;

    private final ContinuityReview continuity;
    private final Coherence coherence;
    private final TextDetector detector;
    private final HarmGuard guard;
    private final Reviewer reviewer;

    public CandidateJudge(ContinuityReview continuity, Coherence coherence, TextDetector detector, HarmGuard guard) {
        this(continuity, coherence, detector, guard, (ground, candidate) -> null);
    }

    public CandidateJudge(ContinuityReview continuity, Coherence coherence, TextDetector detector, HarmGuard guard,
            Reviewer reviewer) {
        this.continuity = continuity;
        this.coherence = coherence;
        this.detector = detector;
        this.guard = guard;
        this.reviewer = reviewer;
    }

    public List<Judgement> judge(TurnGround ground, List<Draft> drafts) {
        List<Draft> answered = drafts.stream().filter(Draft::answered).toList();
        double[] coherent = answered.isEmpty() ? new double[0]
                : coherence.scores(ground, answered.stream().map(Draft::text).toList());
        List<Judgement> judged = new ArrayList<>(drafts.size());
        int a = 0;
        for (Draft draft : drafts) {
            judged.add(draft.answered() ? judge(ground, draft, coherent[a++]) : Judgement.failed(draft));
        }
        return judged;
    }

    private Judgement judge(TurnGround ground, Draft draft, double coherenceScore) {
        ContinuityFindings findings = continuity.check(ground, draft.text());
        double lore = consistency(findings.loreContradictions());
        double story = consistency(findings.storyContradictions());
        double novelty = Novelty.score(draft.text(), ground.recentNarrations());
        double total = CONTINUITY_WEIGHT * story + LORE_WEIGHT * lore + COHERENCE_WEIGHT * coherenceScore
                + NOVELTY_WEIGHT * novelty;
        Double review = reviewer.score(ground, draft.text());
        if (review != null) {
            total = (1 - REVIEWER_WEIGHT) * total + REVIEWER_WEIGHT * review;
        }
        TextDetector.DetectorReading reading = detector.read(ground.worldId(), draft.text());
        HarmVerdict verdict = guard.check(ground.worldId(), ground.rating(), draft.text(), HarmGuard.Source.NARRATION);
        CandidateScores scores = new CandidateScores(lore, story, round(coherenceScore), round(novelty), review, round(total),
                reading == null ? null : round(reading.score()), verdict, findings.contradictions());
        return new Judgement(draft, scores, findings.factsUsed());
    }

    /** 1 without contradictions; each one halves the way to 0. */
    static double consistency(long contradictions) {
        return Math.pow(0.5, contradictions);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
