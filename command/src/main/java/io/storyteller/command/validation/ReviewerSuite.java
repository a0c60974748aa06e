package io.storyteller.command.validation;

import io.storyteller.command.continuity.ContinuityCase;
import io.storyteller.command.narration.pipeline.ChatReviewer;
import io.storyteller.command.narration.pipeline.TurnGround;
import io.storyteller.domain.world.ContentRating;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reviewer on the labelled continuity set: each case's candidate is reviewed as the pipeline's
 * reviewer stage asks ({@link ChatReviewer#prompt}), by the candidate and the incumbent. A rating
 * below the middle ({@value #FLAG_BELOW}) flags the case; {@code continuity.precision} and
 * {@code continuity.recall} measure the flags against the contradiction labels, {@code
 * continuity.accuracy} all decisions, {@code latency.p95Millis} the calls. An item scores 1 when
 * the reviewer decided as labelled, 0 when it did not or gave no rating.
 */
final class ReviewerSuite {

    static final double FLAG_BELOW = 0.5;

    private final TurnReplay replay;

    ReviewerSuite(TurnReplay replay) {
        this.replay = replay;
    }

    SuiteRun run(ReplaySuite.Side candidate, ReplaySuite.Side incumbent, List<ContinuityCase> cases) {
        Tally ours = new Tally();
        Tally theirs = incumbent == null ? null : new Tally();
        List<ItemResult> items = new ArrayList<>();
        for (ContinuityCase item : cases) {
            TurnGround ground = ground(item);
            ReplayedAnswer mine = replay.ask(candidate.model(), candidate.price(), ChatReviewer.prompt(ground, item.candidate()));
            double score = ours.add(item, mine);
            Double rivalScore = null;
            String rivalAnswer = null;
            if (incumbent != null) {
                ReplayedAnswer rival = replay.ask(incumbent.model(), incumbent.price(), ChatReviewer.prompt(ground, item.candidate()));
                rivalScore = theirs.add(item, rival);
                rivalAnswer = rival.text();
            }
            items.add(new ItemResult((item.contradiction() ? "[contradiction] " : "[consistent] ") + item.candidate(),
                    mine.text(), rivalAnswer, score, rivalScore));
        }
        return new SuiteRun(ours.metrics(), theirs == null ? null : theirs.metrics(), items);
    }

    /** The case as a turn: its story lines, the last player line as the action. */
    private static TurnGround ground(ContinuityCase item) {
        String action = "";
        for (String line : item.story()) {
            if (line.startsWith("> ")) {
                action = line.substring(2);
            }
        }
        return new TurnGround(null, null, ContentRating.MATURE, List.of(), item.story(), action, List.of());
    }

    private static final class Tally {
        private int truePositives;
        private int falsePositives;
        private int falseNegatives;
        private int right;
        private int cases;
        private final List<Long> latencies = new ArrayList<>();

        double add(ContinuityCase item, ReplayedAnswer answer) {
            cases++;
            latencies.add(answer.latencyMillis());
            Double rating = answer.answered() ? ChatReviewer.rating(answer.text()) : null;
            if (rating == null) {
                falseNegatives += item.contradiction() ? 1 : 0;
                return 0;
            }
            boolean flagged = rating < FLAG_BELOW;
            truePositives += flagged && item.contradiction() ? 1 : 0;
            falsePositives += flagged && !item.contradiction() ? 1 : 0;
            falseNegatives += !flagged && item.contradiction() ? 1 : 0;
            boolean correct = flagged == item.contradiction();
            right += correct ? 1 : 0;
            return correct ? 1 : 0;
        }

        Map<String, Double> metrics() {
            Map<String, Double> metrics = new LinkedHashMap<>();
            if (cases == 0) {
                return metrics;
            }
            metrics.put("continuity.precision", truePositives + falsePositives == 0 ? 0
                    : truePositives / (double) (truePositives + falsePositives));
            metrics.put("continuity.recall", truePositives + falseNegatives == 0 ? 1
                    : truePositives / (double) (truePositives + falseNegatives));
            metrics.put("continuity.accuracy", right / (double) cases);
            metrics.put("latency.p95Millis", (double) ReplaySuite.p95(latencies));
            return metrics;
        }
    }
}
