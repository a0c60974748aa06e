package io.storyteller.command.validation;

import io.storyteller.command.continuity.ContinuityCase;
import io.storyteller.command.continuity.ContinuityCaseReader;
import io.storyteller.command.housemodel.classifier.LabelledSetException;
import io.storyteller.command.housemodel.classifier.detector.DetectorCase;
import io.storyteller.command.housemodel.classifier.detector.DetectorScore;
import io.storyteller.command.housemodel.classifier.reviewer.HouseReviewer;
import io.storyteller.command.housemodel.classifier.reviewer.ReviewerExamples;
import io.storyteller.command.narration.pipeline.ChatReviewer;
import io.storyteller.command.narration.pipeline.TurnGround;
import io.storyteller.domain.world.ContentRating;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A reviewer measured on a labelled file, the candidate and the incumbent alike, each as the
 * pipeline's reviewer stage runs it: a chat model asked the stage's prompt ({@link ChatReviewer#prompt}),
 * a house reviewer scoring the narration in process. The file is one of two kinds:
 * <ul>
 * <li>ratings or preferences (the corpus export's records, {@link ReviewerExamples#rated}): a score
 * of {@value #FLAG_BELOW} or more says good; {@code review.auroc} measures how well the scores rank
 * good narrations above poor ones, {@code review.accuracy} the good/poor decisions;</li>
 * <li>continuity cases: a score below {@value #FLAG_BELOW} flags the case; {@code continuity.precision}
 * and {@code continuity.recall} measure the flags against the contradiction labels,
 * {@code continuity.accuracy} all decisions.</li>
 * </ul>
 * Both add {@code latency.p95Millis}. An item scores 1 when the reviewer decided as labelled, 0 when
 * it did not or gave no score.
 */
final class ReviewerSuite {

    static final double FLAG_BELOW = 0.5;

    /** A reviewer's score in [0, 1] for a narration of the ground's story; null score when it gave none. */
    interface Reviewing {
        Review review(TurnGround ground, String narration);
    }

    record Review(Double score, String answer, long latencyMillis) {
    }

    /** A chat reviewer, through the replay's timed call. */
    static Reviewing chat(TurnReplay replay, ReplaySuite.Side side) {
        return (ground, narration) -> {
            ReplayedAnswer answer = replay.ask(side.model(), side.price(), ChatReviewer.prompt(ground, narration));
            return new Review(answer.answered() ? ChatReviewer.rating(answer.text()) : null, answer.text(),
                    answer.latencyMillis());
        };
    }

    /** A house reviewer: its P(good), which reads the narration alone. */
    static Reviewing house(HouseReviewer reviewer) {
        return (ground, narration) -> {
            long started = System.nanoTime();
            double score = reviewer.score(narration);
            return new Review(score, String.format(java.util.Locale.ROOT, "P(good) %.3f", score),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        };
    }

    private ReviewerSuite() {
    }

    static SuiteRun run(Reviewing candidate, Reviewing incumbent, List<String> lines) {
        boolean ratings = lines.stream().filter(line -> !line.isBlank()).findFirst().map(ReviewerExamples::isRecord)
                .orElse(false);
        return ratings ? ratings(candidate, incumbent, rated(lines)) : continuity(candidate, incumbent, continuityCases(lines));
    }

    static SuiteRun ratings(Reviewing candidate, Reviewing incumbent, List<ReviewerExamples.Rated> items) {
        Ratings ours = new Ratings();
        Ratings theirs = incumbent == null ? null : new Ratings();
        List<ItemResult> results = new ArrayList<>();
        for (ReviewerExamples.Rated item : items) {
            TurnGround ground = ground(item.story(), item.action());
            Review mine = candidate.review(ground, item.narration());
            Review rival = incumbent == null ? null : incumbent.review(ground, item.narration());
            results.add(new ItemResult((item.good() ? "[good] " : "[poor] ") + item.narration(), mine.answer(),
                    rival == null ? null : rival.answer(), ours.add(item, mine), rival == null ? null : theirs.add(item, rival)));
        }
        return new SuiteRun(ours.metrics(), theirs == null ? null : theirs.metrics(), results);
    }

    static SuiteRun continuity(Reviewing candidate, Reviewing incumbent, List<ContinuityCase> cases) {
        Flags ours = new Flags();
        Flags theirs = incumbent == null ? null : new Flags();
        List<ItemResult> results = new ArrayList<>();
        for (ContinuityCase item : cases) {
            TurnGround ground = ground(item.story(), lastAction(item.story()));
            Review mine = candidate.review(ground, item.candidate());
            Review rival = incumbent == null ? null : incumbent.review(ground, item.candidate());
            results.add(new ItemResult((item.contradiction() ? "[contradiction] " : "[consistent] ") + item.candidate(),
                    mine.answer(), rival == null ? null : rival.answer(), ours.add(item, mine),
                    rival == null ? null : theirs.add(item, rival)));
        }
        return new SuiteRun(ours.metrics(), theirs == null ? null : theirs.metrics(), results);
    }

    private static String lastAction(List<String> story) {
        String action = "";
        for (String line : story) {
            if (line.startsWith("> ")) {
                action = line.substring(2);
            }
        }
        return action;
    }

    private static TurnGround ground(List<String> story, String action) {
        return new TurnGround(null, null, ContentRating.MATURE, List.of(), story, action, List.of());
    }

    private static List<ReviewerExamples.Rated> rated(List<String> lines) {
        try {
            return ReviewerExamples.rated(lines);
        } catch (LabelledSetException e) {
            throw new CannotValidateException("the ratings set is unreadable: " + e.getMessage());
        }
    }

    private static List<ContinuityCase> continuityCases(List<String> lines) {
        ContinuityCaseReader.Reading reading = new ContinuityCaseReader().read(lines);
        if (!reading.badLines().isEmpty()) {
            throw new CannotValidateException("the continuity set has unreadable lines: " + reading.badLines());
        }
        return reading.cases();
    }

    /** Scores against players' verdicts; a missing score ranks in the middle and decides wrongly. */
    private static final class Ratings {
        private final List<DetectorCase> cases = new ArrayList<>();
        private final List<Double> scores = new ArrayList<>();
        private final List<Long> latencies = new ArrayList<>();
        private int right;

        double add(ReviewerExamples.Rated item, Review review) {
            cases.add(new DetectorCase(String.valueOf(cases.size()), item.narration(), item.good()));
            scores.add(review.score() == null ? FLAG_BELOW : review.score());
            latencies.add(review.latencyMillis());
            boolean correct = review.score() != null && review.score() >= FLAG_BELOW == item.good();
            right += correct ? 1 : 0;
            return correct ? 1 : 0;
        }

        Map<String, Double> metrics() {
            Map<String, Double> metrics = new LinkedHashMap<>();
            if (cases.isEmpty()) {
                return metrics;
            }
            boolean bothKinds = cases.stream().anyMatch(DetectorCase::generated) && cases.stream().anyMatch(c -> !c.generated());
            if (bothKinds) { // a ranking needs something to rank above something else
                double[] values = scores.stream().mapToDouble(Double::doubleValue).toArray();
                metrics.put("review.auroc", DetectorScore.of(cases, values, FLAG_BELOW).auroc());
            }
            metrics.put("review.accuracy", right / (double) cases.size());
            metrics.put("latency.p95Millis", (double) ReplaySuite.p95(latencies));
            return metrics;
        }
    }

    /** Flags against contradiction labels; a missing score flags nothing. */
    private static final class Flags {
        private int truePositives;
        private int falsePositives;
        private int falseNegatives;
        private int right;
        private int cases;
        private final List<Long> latencies = new ArrayList<>();

        double add(ContinuityCase item, Review review) {
            cases++;
            latencies.add(review.latencyMillis());
            if (review.score() == null) {
                falseNegatives += item.contradiction() ? 1 : 0;
                return 0;
            }
            boolean flagged = review.score() < FLAG_BELOW;
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
