package io.storyteller.command.validation;

import io.storyteller.command.narration.pipeline.CandidateJudge;
import io.storyteller.command.narration.pipeline.Draft;
import io.storyteller.command.narration.pipeline.Judgement;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.story.CandidateScores;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.model.ChatModel;

/**
 * Offline replay of a narrator: each recorded turn is asked of the candidate and of the incumbent
 * with the same recorded prompt, and both answers are judged together by the pipeline's judge
 * (review, detector, guardrail, continuity) against the turn's recorded ground. An item's score is
 * the judge's total; 0 for a failed answer and for one the world's rating does not allow, which the
 * pipeline would never show. Per side it measures
 * {@code review.score} (mean total), {@code guardrail.passRate} (answers the world's rating allows,
 * of all turns), {@code detector.score} (mean machine-likeness of the answers), {@code
 * continuity.contradictions} (mean per answer), {@code latency.p95Millis} and {@code cost.perBeat}.
 */
final class ReplaySuite {

    /** A model and its price, as a replay side. */
    record Side(ChatModel model, TokenPrice price) {
    }

    private final TurnReplay replay;
    private final CandidateJudge judge;

    ReplaySuite(TurnReplay replay, CandidateJudge judge) {
        this.replay = replay;
        this.judge = judge;
    }

    SuiteRun run(Side candidate, Side incumbent, List<ReplayTurn> turns) {
        Tally ours = new Tally();
        Tally theirs = incumbent == null ? null : new Tally();
        List<ItemResult> items = new ArrayList<>();
        for (ReplayTurn turn : turns) {
            ReplayedAnswer mine = replay.ask(candidate.model(), candidate.price(), turn.prompt());
            ReplayedAnswer rival = incumbent == null ? null : replay.ask(incumbent.model(), incumbent.price(), turn.prompt());
            List<Draft> drafts = new ArrayList<>();
            drafts.add(new Draft(0, 1, mine.answered() ? mine.text() : null));
            if (rival != null) {
                drafts.add(new Draft(1, 1, rival.answered() ? rival.text() : null));
            }
            List<Judgement> judged = judge.judge(turn.ground(), drafts);
            double score = ours.add(mine, judged.get(0).scores());
            Double rivalScore = rival == null ? null : theirs.add(rival, judged.get(1).scores());
            items.add(new ItemResult(turn.ground().action(), mine.text(), rival == null ? null : rival.text(), score, rivalScore));
        }
        return new SuiteRun(ours.metrics(), theirs == null ? null : theirs.metrics(), items);
    }

    /** One side's running measurements. */
    private static final class Tally {
        private int turns;
        private int allowed;
        private int answered;
        private double total;
        private double detector;
        private int detected;
        private int contradictions;
        private BigDecimal cost = BigDecimal.ZERO;
        private final List<Long> latencies = new ArrayList<>();

        /** Adds one answer; returns its item score. */
        double add(ReplayedAnswer answer, CandidateScores scores) {
            turns++;
            latencies.add(answer.latencyMillis());
            if (scores == null) {
                return 0;
            }
            answered++;
            total += scores.total();
            cost = cost.add(answer.cost());
            boolean shown = scores.guardrail() == null || scores.guardrail().allowed();
            if (shown) {
                allowed++;
            }
            if (scores.detector() != null) {
                detector += scores.detector();
                detected++;
            }
            contradictions += scores.contradictions().size();
            return shown ? scores.total() : 0;
        }

        Map<String, Double> metrics() {
            Map<String, Double> metrics = new LinkedHashMap<>();
            if (turns == 0) {
                return metrics;
            }
            metrics.put("review.score", total / turns);
            metrics.put("guardrail.passRate", allowed / (double) turns);
            if (detected > 0) {
                metrics.put("detector.score", detector / detected);
            }
            metrics.put("continuity.contradictions", answered == 0 ? 0 : contradictions / (double) answered);
            metrics.put("latency.p95Millis", (double) p95(latencies));
            metrics.put("cost.perBeat", answered == 0 ? 0 : cost.doubleValue() / answered);
            return metrics;
        }
    }

    /** Nearest rank. */
    static long p95(List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(0.95 * sorted.size()) - 1));
    }
}
