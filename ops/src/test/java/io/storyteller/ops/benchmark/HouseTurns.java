package io.storyteller.ops.benchmark;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatView;
import io.storyteller.domain.story.FindStory;
import io.storyteller.domain.story.StoryUpdate;
import io.storyteller.domain.story.StoryUpdateKind;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.story.SubmitPlayerAction;
import io.storyteller.domain.story.WatchStory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;

/**
 * (b) A full turn with the narration engine and the house model: each player sends
 * {@link SubmitPlayerAction} and waits until the narration reaches them through a
 * {@link WatchStory} subscription, as a client does: action → narration engine (house model) →
 * RecordNarration → stories projection → subscription update.
 */
final class HouseTurns {

    private static final Duration TURN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(60);

    /**
     * @param turn          submit → narration beat at the watcher
     * @param actionVisible submit → the action's own beat at the watcher
     * @param recorded      submit → NarrationRecorded (the event's timestamp)
     * @param model         the generation's latency as its provenance records it
     */
    record Result(int players, int turns, int failed, double seconds, Latencies turn, Latencies actionVisible,
                  Latencies recorded, Latencies model, boolean truncated) {

        double turnsPerSecond() {
            return turns / seconds;
        }
    }

    private record Watcher(String storyId, Actor player, SubscriptionQueryResult<StoryView, StoryUpdate> subscription,
                           BlockingQueue<StoryUpdate> updates) {
    }

    /** When (System.nanoTime) the action and its narration reached the watcher; no narration when it failed. */
    private record Arrival(long actionAt, BeatView narration, long narrationAt) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final BenchmarkWorld world;
    private final BenchmarkSettings settings;

    HouseTurns(CommandGateway commands, QueryGateway queries, BenchmarkWorld world, BenchmarkSettings settings) {
        this.commands = commands;
        this.queries = queries;
        this.world = world;
        this.settings = settings;
    }

    /** One turn in a new story: the first narration in a world without a house model trains it first. */
    double firstTurnMillis() throws Exception {
        Watcher watcher = watch(world.startStories("house-first", 1).getFirst(), world.player(0));
        try {
            Result first = turns(List.of(watcher), 1);
            if (first.failed() > 0) {
                throw new IllegalStateException("the world's first narration failed");
            }
            return first.turn().percentileMillis(1.0);
        } finally {
            watcher.subscription().cancel();
        }
    }

    /** Warm-up turns, then the measured ones, in new stories (one per player). */
    Result run(int playerCount) throws Exception {
        List<String> stories = world.startStories("house-" + playerCount + "p", playerCount);
        List<Watcher> watchers = new ArrayList<>();
        try {
            for (int p = 0; p < playerCount; p++) {
                watchers.add(watch(stories.get(p), world.player(p)));
            }
            turns(watchers, Math.max(1, settings.houseWarmupTurns() / playerCount));
            return turns(watchers, Math.max(1, settings.houseTurns() / playerCount));
        } finally {
            watchers.forEach(w -> w.subscription().cancel());
        }
    }

    private Watcher watch(String storyId, Actor player) {
        // WatchStory's initial result requires the story in the read model.
        Awaitility.await().atMost(SETUP_TIMEOUT).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                .until(() -> queries.query(new FindStory(storyId, player), ResponseTypes.optionalInstanceOf(StoryView.class))
                        .get().isPresent());
        SubscriptionQueryResult<StoryView, StoryUpdate> subscription = queries.subscriptionQuery(
                new WatchStory(storyId, player), ResponseTypes.instanceOf(StoryView.class),
                ResponseTypes.instanceOf(StoryUpdate.class));
        subscription.initialResult().block(SETUP_TIMEOUT);
        BlockingQueue<StoryUpdate> updates = new LinkedBlockingQueue<>();
        subscription.updates().subscribe(updates::add);
        return new Watcher(storyId, player, subscription, updates);
    }

    private Result turns(List<Watcher> watchers, int turnsPerPlayer) throws Exception {
        int playerCount = watchers.size();
        List<Latencies> turn = new ArrayList<>();
        List<Latencies> actionVisible = new ArrayList<>();
        List<Latencies> recorded = new ArrayList<>();
        List<Latencies> model = new ArrayList<>();
        for (int p = 0; p < playerCount; p++) {
            turn.add(new Latencies());
            actionVisible.add(new Latencies());
            recorded.add(new Latencies());
            model.add(new Latencies());
        }
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long elapsed = Players.run(playerCount, settings.phaseLimit(), (p, deadline) -> {
            Watcher watcher = watchers.get(p);
            for (int t = 0; t < turnsPerPlayer && System.nanoTime() < deadline; t++) {
                String actionBeatId = UUID.randomUUID().toString();
                Instant submittedAt = Instant.now();
                long t0 = System.nanoTime();
                commands.sendAndWait(new SubmitPlayerAction(watcher.storyId(), actionBeatId,
                        BenchmarkWorld.action(t + p), watcher.player()));
                Arrival arrival = awaitNarration(watcher, actionBeatId);
                if (arrival.narration() != null) {
                    turn.get(p).add(arrival.narrationAt() - t0);
                    actionVisible.get(p).add(arrival.actionAt() - t0);
                    recorded.get(p).add(Duration.between(submittedAt, arrival.narration().createdAt()).toNanos());
                    if (arrival.narration().provenance() != null) {
                        model.get(p).add(TimeUnit.MILLISECONDS.toNanos(arrival.narration().provenance().latencyMillis()));
                    }
                } else {
                    failed.incrementAndGet();
                }
                done.incrementAndGet();
            }
        });
        int turns = done.get();
        return new Result(playerCount, turns, failed.get(), elapsed / 1e9, Latencies.merge(turn),
                Latencies.merge(actionVisible), Latencies.merge(recorded), Latencies.merge(model),
                turns < turnsPerPlayer * playerCount);
    }

    /** A story has at most one narration pending, so the next narration beat added is this action's. */
    private static Arrival awaitNarration(Watcher watcher, String actionBeatId) throws InterruptedException {
        long deadline = System.nanoTime() + TURN_TIMEOUT.toNanos();
        long actionAt = -1;
        while (true) {
            StoryUpdate update = watcher.updates().poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (update == null) {
                throw new IllegalStateException("no narration within " + TURN_TIMEOUT + " in story " + watcher.storyId());
            }
            long now = System.nanoTime();
            if (update.kind() == StoryUpdateKind.BEAT_ADDED && update.beat() != null) {
                if (update.beat().kind() == BeatKind.PLAYER_ACTION && actionBeatId.equals(update.beat().beatId())) {
                    actionAt = now;
                } else if (update.beat().kind() == BeatKind.NARRATION) {
                    return new Arrival(actionAt < 0 ? now : actionAt, update.beat(), now);
                }
            } else if (update.kind() == StoryUpdateKind.NARRATION_FAILED && actionBeatId.equals(update.requestId())) {
                System.out.println("  narration failed: " + update.reason());
                return new Arrival(actionAt, null, now);
            }
        }
    }
}
