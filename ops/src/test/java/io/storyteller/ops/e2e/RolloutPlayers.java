package io.storyteller.ops.e2e;

import static org.awaitility.Awaitility.await;

import io.storyteller.ops.e2e.RolloutViews.StoryState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Players who keep playing while a rollout runs: in rounds, one action in each of their stories,
 * then a wait until every story has its narration (or its failure). Bounded in rounds and in time.
 * A round whose narrations outlast their patience (a loaded machine) is counted as late and the next
 * one begins, so that the rollout keeps getting calls; {@link #close} stops after the round in
 * progress and fails if a round failed otherwise. Stories may join while they play.
 */
public final class RolloutPlayers implements AutoCloseable {

    /** Story ids per status request. */
    private static final int CHUNK = 25;

    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger rounds = new AtomicInteger();
    private final AtomicInteger lateRounds = new AtomicInteger();
    private final List<String> storyIds;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "rollout-players"));
    private final Future<?> loop;

    private RolloutPlayers(RolloutClient player, List<String> storyIds, int maxRounds, Duration budget) {
        this.storyIds = new CopyOnWriteArrayList<>(storyIds);
        long end = System.nanoTime() + budget.toNanos();
        loop = thread.submit(() -> {
            while (!stop.get() && rounds.get() < maxRounds && System.nanoTime() < end) {
                try {
                    playRound(player, List.copyOf(this.storyIds),
                            "I follow the lamps along the quay (turn " + (rounds.get() + 1) + ").", RolloutWorlds.PATIENCE);
                } catch (ConditionTimeoutException late) {
                    lateRounds.incrementAndGet();
                }
                rounds.incrementAndGet();
            }
        });
    }

    /** Starts playing in the background at once. */
    public static RolloutPlayers start(RolloutClient player, List<String> storyIds, int maxRounds, Duration budget) {
        return new RolloutPlayers(player, storyIds, maxRounds, budget);
    }

    public int rounds() {
        return rounds.get();
    }

    /** Rounds whose narrations were not all in within their patience. */
    public int lateRounds() {
        return lateRounds.get();
    }

    /** Stories that play from the next round on. */
    public void join(List<String> more) {
        storyIds.addAll(more);
    }

    /** What the players did so far, for a failure's message. */
    public String progress() {
        return rounds.get() + " rounds in " + storyIds.size() + " stories (" + lateRounds.get() + " late)"
                + (loop.isDone() ? ", stopped" : "");
    }

    /** One action in each story, then waits until each has been narrated. */
    public static void playRound(RolloutClient player, List<String> storyIds, String text, Duration patience) {
        Map<String, Integer> before = new HashMap<>();
        states(player, storyIds).forEach((id, state) -> before.put(id, state == null ? 0 : state.beatCount()));
        storyIds.forEach(id -> player.act(id, text));
        await("narrations of " + storyIds.size() + " stories").atMost(patience).pollInterval(Duration.ofMillis(100))
                .until(() -> states(player, storyIds).entrySet().stream()
                        .allMatch(e -> answered(e.getValue(), before.get(e.getKey()))));
    }

    /** Waits until none of the stories has a narration pending, and each has a beat. */
    public static void awaitNarrated(RolloutClient player, List<String> storyIds, Duration patience) {
        await("narrations of " + storyIds.size() + " stories").atMost(patience).pollInterval(Duration.ofMillis(100))
                .until(() -> states(player, storyIds).values().stream()
                        .allMatch(s -> s != null && !s.narrationPending() && s.beatCount() >= 2));
    }

    /** The action is in and no narration is pending: narrated, or failed (one beat only). */
    private static boolean answered(StoryState state, int beatsBefore) {
        return state != null && (state.beatCount() >= beatsBefore + 2
                || (state.beatCount() == beatsBefore + 1 && !state.narrationPending()));
    }

    private static Map<String, StoryState> states(RolloutClient player, List<String> storyIds) {
        Map<String, StoryState> states = new LinkedHashMap<>();
        for (int from = 0; from < storyIds.size(); from += CHUNK) {
            states.putAll(player.states(new ArrayList<>(storyIds.subList(from, Math.min(storyIds.size(), from + CHUNK)))));
        }
        return states;
    }

    @Override
    public void close() {
        stop.set(true);
        try {
            loop.get(RolloutWorlds.PATIENCE.toSeconds() * 2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new AssertionError("the players' round " + (rounds.get() + 1) + " failed", e.getCause());
        } catch (TimeoutException e) {
            loop.cancel(true);
            throw new AssertionError("the players did not stop", e);
        } finally {
            thread.shutdownNow();
        }
    }
}
