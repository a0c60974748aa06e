package io.storyteller.command.narration.pipeline;

import io.storyteller.command.slot.RouteChoice;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.story.NarrationRoute;
import io.storyteller.domain.story.StageVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a judge stage on one candidate as its slot routes the story: the deciding version (stable, or
 * the canary for the stories its weight gives it) and, in a shadow phase, the candidate version on
 * the same text beside it, on a virtual thread so that the mirror adds no latency. Each call is
 * timed and recorded. The mirrored verdict never decides, and its failure never fails the turn; the
 * deciding call's failure is the stage's own to handle (a failing guardrail fails the turn).
 */
final class RoutedJudging {

    private static final Logger log = LoggerFactory.getLogger(RoutedJudging.class);

    private RoutedJudging() {
    }

    /**
     * @param judge   the verdict of one version; null when that version gave none (a failure)
     * @param answered the call's record with the verdict set
     */
    static <T> StageOutcome<T> run(UseCase stage, RouteChoice choice, Function<ModelRef, T> judge,
            BiFunction<StageVerdict, T, StageVerdict> answered) {
        CompletableFuture<StageVerdict> mirrored = choice.shadow() == null ? null
                : CompletableFuture.supplyAsync(() -> mirror(stage, choice.shadow(), choice.shadowRoute(), judge, answered),
                        task -> Thread.ofVirtual().name("mirrored-" + stage.key()).start(task));
        long started = System.nanoTime();
        T verdict;
        try {
            verdict = judge.apply(choice.serving());
        } catch (RuntimeException e) {
            if (mirrored != null) {
                mirrored.cancel(true);
            }
            throw e;
        }
        List<StageVerdict> calls = new ArrayList<>(2);
        calls.add(record(stage, choice.serving(), choice.route(), millisSince(started), verdict, answered));
        if (mirrored != null) {
            calls.add(awaitMirror(mirrored, stage, choice));
        }
        return new StageOutcome<>(verdict, calls);
    }

    private static <T> StageVerdict mirror(UseCase stage, ModelRef version, NarrationRoute route,
            Function<ModelRef, T> judge, BiFunction<StageVerdict, T, StageVerdict> answered) {
        long started = System.nanoTime();
        T verdict;
        try {
            verdict = judge.apply(version);
        } catch (RuntimeException e) {
            log.warn("Mirrored {} {} failed: {}", stage.key(), version.label(), e.toString());
            verdict = null;
        }
        return record(stage, version, route, millisSince(started), verdict, answered);
    }

    private static StageVerdict awaitMirror(CompletableFuture<StageVerdict> mirrored, UseCase stage, RouteChoice choice) {
        try {
            return mirrored.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the mirrored " + stage.key() + " judged", e);
        } catch (ExecutionException e) {
            return StageVerdict.failed(stage, choice.shadowRoute(), choice.shadow().modelId(), choice.shadow().version(), 0);
        }
    }

    private static <T> StageVerdict record(UseCase stage, ModelRef version, NarrationRoute route, long latencyMillis,
            T verdict, BiFunction<StageVerdict, T, StageVerdict> answered) {
        StageVerdict call = StageVerdict.failed(stage, route, version.modelId(), version.version(), latencyMillis);
        return verdict == null ? call : answered.apply(call, verdict);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
