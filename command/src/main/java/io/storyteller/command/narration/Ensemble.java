package io.storyteller.command.narration;

import io.storyteller.command.narration.failover.ProviderOutage;
import io.storyteller.command.narration.failure.FailureReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Generates a round of candidates concurrently, each on a virtual thread, the sources taken in
 * turn. The round waits until every candidate is done or the turn's deadline passes; a candidate
 * still running then is cancelled and fails as late. A failing model fails only its own candidate.
 * Nothing is streamed: candidates are shown only after their checks.
 */
final class Ensemble {

    private static final ExecutorService CALLS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("narration-candidate-", 0).factory());

    private final Narrator narrator;

    Ensemble(Narrator narrator) {
        this.narrator = narrator;
    }

    /**
     * @param firstIndex the index of the round's first candidate within the turn
     * @throws RuntimeException an interruption (shutting down): the turn is narrated again after the restart
     */
    List<Candidate> generate(List<NarratorSource> sources, int count, Prompt prompt, Duration deadline, int round,
            int firstIndex) {
        List<CompletableFuture<Candidate>> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = firstIndex + i;
            NarratorSource source = sources.get(index % sources.size());
            calls.add(CompletableFuture.supplyAsync(() -> call(source, prompt, round, index), CALLS));
        }
        long until = System.nanoTime() + deadline.toNanos();
        List<Candidate> candidates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            candidates.add(await(calls.get(i), until, sources.get((firstIndex + i) % sources.size()), round,
                    firstIndex + i, deadline, calls));
        }
        return candidates;
    }

    private Candidate await(CompletableFuture<Candidate> call, long until, NarratorSource source, int round, int index,
            Duration deadline, List<CompletableFuture<Candidate>> all) {
        try {
            return call.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            all.forEach(c -> c.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("narration interrupted", e);
        } catch (TimeoutException e) {
            call.cancel(true);
            return failed(source, round, index, "no answer within the turn's deadline of " + deadline, deadline.toMillis(), true);
        } catch (ExecutionException e) {
            return failed(source, round, index, FailureReason.of(e.getCause(), narrator.timeout()), 0,
                    ProviderOutage.isOutage(e.getCause()));
        }
    }

    private Candidate call(NarratorSource source, Prompt prompt, int round, int index) {
        if (source.unavailable() != null) {
            return failed(source, round, index, FailureReason.of(source.unavailable(), narrator.timeout()), 0,
                    ProviderOutage.isOutage(source.unavailable()));
        }
        long started = System.nanoTime();
        try {
            GeneratedNarration generated = narrator.narrate(source.model(), prompt, chunk -> { });
            return new Candidate(index, round, source, generated, NarrationRecords.textOf(generated), null,
                    generated.latencyMillis(), false);
        } catch (RuntimeException e) {
            if (FailureReason.isInterruption(e)) {
                throw e;
            }
            return failed(source, round, index, FailureReason.of(e, narrator.timeout()),
                    (System.nanoTime() - started) / 1_000_000, ProviderOutage.isOutage(e));
        }
    }

    private static Candidate failed(NarratorSource source, int round, int index, String reason, long latencyMillis,
            boolean outage) {
        return new Candidate(index, round, source, null, null, reason, latencyMillis, outage);
    }
}
