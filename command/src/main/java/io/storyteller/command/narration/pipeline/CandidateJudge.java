package io.storyteller.command.narration.pipeline;

import io.storyteller.domain.story.CandidateScores;
import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.story.StageVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reviews, detects and guards a round of drafts. Review: lore consistency and continuity (each
 * contradiction halves the way to 0), coherence with the context, novelty against the recent
 * beats; the total weighs them {@value #CONTINUITY_WEIGHT} / {@value #LORE_WEIGHT} /
 * {@value #COHERENCE_WEIGHT} / {@value #NOVELTY_WEIGHT}. Then the detector's score and the
 * guardrail's verdict at the world's rating. When the world has a reviewer, its score joins the
 * total with weight {@value #REVIEWER_WEIGHT} and the others share the rest in the same proportions.
 * A draft that failed is not judged. The detector, guardrail and reviewer judge as the story's
 * slots route it; their routed calls, mirrored ones included, go with the judgement.
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

    /**
     * Every stage of every answered draft at once, on virtual threads: the coherence of the round
     * (one embedding request) beside each draft's continuity, reviewer, detector and guardrail, so
     * that a round takes as long as its slowest stage, not the sum of them. A stage that fails fails
     * the round, as it would one stage after another.
     */
    public List<Judgement> judge(TurnGround ground, List<Draft> drafts) {
        List<Draft> answered = drafts.stream().filter(Draft::answered).toList();
        if (answered.isEmpty()) {
            return drafts.stream().map(Judgement::failed).toList();
        }
        try (ExecutorService stages = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<double[]> coherent = stages.submit(() -> coherence.scores(ground,
                    answered.stream().map(Draft::text).toList()));
            List<Future<Partial>> partials = new ArrayList<>();
            for (Draft draft : answered) {
                partials.add(stages.submit(() -> partial(ground, draft)));
            }
            double[] coherence = done(coherent);
            List<Judgement> judged = new ArrayList<>(drafts.size());
            int a = 0;
            for (Draft draft : drafts) {
                if (draft.answered()) {
                    judged.add(judgement(draft, done(partials.get(a)), coherence[a]));
                    a++;
                } else {
                    judged.add(Judgement.failed(draft));
                }
            }
            return judged;
        }
    }

    /** What a draft's own stages say, before the round's coherence is known. */
    private Partial partial(TurnGround ground, Draft draft) {
        ContinuityFindings findings = continuity.check(ground, draft.text());
        double novelty = Novelty.score(draft.text(), ground.recentNarrations());
        StageOutcome<Double> review = reviewer.judge(ground, draft.text());
        StageOutcome<TextDetector.DetectorReading> reading = detector.judge(ground, draft.text());
        StageOutcome<HarmVerdict> verdict = guard.judge(ground, draft.text());
        List<StageVerdict> stages = new ArrayList<>(review.calls());
        stages.addAll(reading.calls());
        stages.addAll(verdict.calls());
        return new Partial(findings, novelty, review.verdict(), reading.verdict(), verdict.verdict(), stages);
    }

    private static Judgement judgement(Draft draft, Partial partial, double coherenceScore) {
        ContinuityFindings findings = partial.findings();
        double lore = consistency(findings.loreContradictions());
        double story = consistency(findings.storyContradictions());
        double total = CONTINUITY_WEIGHT * story + LORE_WEIGHT * lore + COHERENCE_WEIGHT * coherenceScore
                + NOVELTY_WEIGHT * partial.novelty();
        if (partial.review() != null) {
            total = (1 - REVIEWER_WEIGHT) * total + REVIEWER_WEIGHT * partial.review();
        }
        CandidateScores scores = new CandidateScores(lore, story, round(coherenceScore), round(partial.novelty()),
                partial.review(), round(total), partial.reading() == null ? null : round(partial.reading().score()),
                partial.verdict(), findings.contradictions());
        return new Judgement(draft, scores, findings.factsUsed(), partial.stages());
    }

    /** The stage's answer, or its failure as it was thrown. */
    private static <T> T done(Future<T> stage) {
        try {
            return stage.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while judging the candidates", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private record Partial(ContinuityFindings findings, double novelty, Double review,
            TextDetector.DetectorReading reading, HarmVerdict verdict, List<StageVerdict> stages) {
    }

    /** 1 without contradictions; each one halves the way to 0. */
    static double consistency(long contradictions) {
        return Math.pow(0.5, contradictions);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
