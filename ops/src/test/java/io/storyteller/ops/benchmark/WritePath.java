package io.storyteller.ops.benchmark;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.story.RecordNarration;
import io.storyteller.domain.story.SubmitPlayerAction;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * (a) The write path of a turn without model time: each player sends {@link SubmitPlayerAction}
 * and then {@link RecordNarration} for it, in their own story, as fast as the commands return.
 * The narration engine must be stopped: were it to answer an action first, the RecordNarration
 * would be rejected (no longer pending) and the run would fail.
 */
final class WritePath {

    /**
     * @param submitEarly Submit latencies over each player's first tenth of measured turns
     * @param submitLate  the same over the last tenth (the stories have grown by then)
     */
    record Result(int players, int turns, double seconds, Latencies submit, Latencies record,
                  Latencies submitEarly, Latencies submitLate, boolean truncated) {

        double turnsPerSecond() {
            return turns / seconds;
        }
    }

    private final CommandGateway commands;
    private final BenchmarkWorld world;
    private final BenchmarkSettings settings;

    WritePath(CommandGateway commands, BenchmarkWorld world, BenchmarkSettings settings) {
        this.commands = commands;
        this.world = world;
        this.settings = settings;
    }

    /** Warm-up turns, then the measured ones, in new stories (one per player). */
    Result run(int playerCount) throws Exception {
        List<String> stories = world.startStories("write-" + playerCount + "p", playerCount);
        turns(stories, Math.max(1, settings.warmupTurns() / playerCount));
        return turns(stories, Math.max(1, settings.turns() / playerCount));
    }

    private Result turns(List<String> stories, int turnsPerPlayer) throws Exception {
        int playerCount = stories.size();
        List<Latencies> submits = new ArrayList<>();
        List<Latencies> records = new ArrayList<>();
        for (int p = 0; p < playerCount; p++) {
            submits.add(new Latencies());
            records.add(new Latencies());
        }
        AtomicInteger done = new AtomicInteger();
        long elapsed = Players.run(playerCount, settings.phaseLimit(), (p, deadline) -> {
            Actor player = world.player(p);
            String storyId = stories.get(p);
            for (int t = 0; t < turnsPerPlayer && System.nanoTime() < deadline; t++) {
                String actionBeatId = UUID.randomUUID().toString();
                String action = BenchmarkWorld.action(t + p);
                String narration = BenchmarkWorld.narration(t + p);
                long t0 = System.nanoTime();
                commands.sendAndWait(new SubmitPlayerAction(storyId, actionBeatId, action, player));
                long t1 = System.nanoTime();
                commands.sendAndWait(new RecordNarration(storyId, actionBeatId, UUID.randomUUID().toString(),
                        narration, world.provenance(action, narration)));
                long t2 = System.nanoTime();
                submits.get(p).add(t1 - t0);
                records.get(p).add(t2 - t1);
                done.incrementAndGet();
            }
        });
        int turns = done.get();
        return new Result(playerCount, turns, elapsed / 1e9, Latencies.merge(submits), Latencies.merge(records),
                Latencies.merge(submits.stream().map(l -> l.slice(0.0, 0.1)).toList()),
                Latencies.merge(submits.stream().map(l -> l.slice(0.9, 1.0)).toList()),
                turns < turnsPerPlayer * playerCount);
    }
}
