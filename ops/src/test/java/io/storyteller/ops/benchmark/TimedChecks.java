package io.storyteller.ops.benchmark;

import io.storyteller.command.narration.pipeline.CandidateJudge;
import io.storyteller.command.narration.pipeline.Coherence;
import io.storyteller.command.narration.pipeline.ContinuityReview;
import io.storyteller.command.narration.pipeline.HarmGuard;
import io.storyteller.command.narration.pipeline.TextDetector;
import java.util.List;
import java.util.function.Supplier;

/**
 * The application's own review, coherence, detector and guardrail stages, each wrapped in a clock,
 * and a {@link CandidateJudge} made of them as the application makes its own: the judge's time
 * splits into its stages without changing what they do. Each stage keeps every call's latency and
 * the time spent since {@link #take}, so a turn can read its share of each.
 */
final class TimedChecks {

    /** One stage's clock. */
    static final class Clock {

        private Latencies calls = new Latencies();
        private long pending;

        <T> T time(Supplier<T> call) {
            long start = System.nanoTime();
            try {
                return call.get();
            } finally {
                long nanos = System.nanoTime() - start;
                calls.add(nanos);
                pending += nanos;
            }
        }

        /** The time spent since the last take, and none pending after. */
        long take() {
            long nanos = pending;
            pending = 0;
            return nanos;
        }

        Latencies calls() {
            return calls;
        }

        void reset() {
            calls = new Latencies();
            pending = 0;
        }
    }

    final Clock continuity = new Clock();
    final Clock coherence = new Clock();
    final Clock detector = new Clock();
    final Clock guardrail = new Clock();
    final CandidateJudge judge;

    TimedChecks(ContinuityReview continuityReview, Coherence coherenceScore, TextDetector textDetector, HarmGuard harmGuard) {
        ContinuityReview timedContinuity = (ground, candidate) -> continuity.time(() -> continuityReview.check(ground, candidate));
        Coherence timedCoherence = (ground, candidates) -> coherence.time(() -> coherenceScore.scores(ground, candidates));
        TextDetector timedDetector = (worldId, text) -> detector.time(() -> textDetector.read(worldId, text));
        HarmGuard timedGuard = (worldId, rating, text, source) -> guardrail.time(() -> harmGuard.check(worldId, rating, text, source));
        this.judge = new CandidateJudge(timedContinuity, timedCoherence, timedDetector, timedGuard);
    }

    /** Forgets the warm-up. */
    void reset() {
        List.of(continuity, coherence, detector, guardrail).forEach(Clock::reset);
    }

    /** The share of each stage in the last judgement, taken: continuity, coherence, detector, guardrail. */
    long[] take() {
        return new long[] {continuity.take(), coherence.take(), detector.take(), guardrail.take()};
    }
}
