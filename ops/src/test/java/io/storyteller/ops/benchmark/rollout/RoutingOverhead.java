package io.storyteller.ops.benchmark.rollout;

import io.storyteller.command.slot.ArmChoice;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.FindNarratorRoute;
import io.storyteller.domain.story.NarrationArm;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * (a) What routing adds to one narration, as the narration engine pays it: one
 * {@link FindNarratorRoute} through the QueryGateway (the deployments read model in PostgreSQL), then
 * {@link ArmChoice} for the story. Worlds are drawn at random: 90% have their own slot, 10% fall
 * back to the global one.
 */
final class RoutingOverhead {

    record Result(String label, int threads, Timings timings, double wallSeconds, long canary, long stable) {

        double perSecond() {
            return timings.count() / wallSeconds;
        }
    }

    private final QueryGateway queries;
    private final int worlds;

    RoutingOverhead(QueryGateway queries, int worlds) {
        this.queries = queries;
        this.worlds = worlds;
    }

    /** One routing decision: the route, then the story's arm. */
    NarrationArm route(String worldId, String storyId) throws Exception {
        NarratorRoute route = queries.query(new FindNarratorRoute(worldId), ResponseTypes.instanceOf(NarratorRoute.class))
                .get(10, TimeUnit.SECONDS);
        if (route == null) {
            throw new IllegalStateException("no route for " + worldId + ": the global slot is missing");
        }
        return ArmChoice.armFor(storyId, route.rollout());
    }

    Result run(String label, int threads, int total, long seed) throws Exception {
        int perThread = total / threads;
        long[][] samples = new long[threads][perThread];
        long[] canary = new long[threads];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed + thread);
                    for (int i = 0; i < perThread; i++) {
                        String world = worldId(random);
                        String story = "story-" + random.nextInt(1_000_000);
                        long begin = System.nanoTime();
                        NarrationArm arm = route(world, story);
                        samples[thread][i] = System.nanoTime() - begin;
                        if (arm == NarrationArm.CANARY) {
                            canary[thread]++;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.MINUTES);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            long[] all = new long[perThread * threads];
            for (int t = 0; t < threads; t++) {
                System.arraycopy(samples[t], 0, all, t * perThread, perThread);
            }
            long canaries = java.util.Arrays.stream(canary).sum();
            return new Result(label, threads, Timings.of(all), wall, canaries, all.length - canaries);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The cost of {@link ArmChoice} alone (SHA-256 of the pair), in nanoseconds per call. */
    static double armChoiceNanos(int calls) {
        var rollout = new io.storyteller.domain.deployment.RolloutRoute("r-1",
                new io.storyteller.domain.model.ModelRef("m:c", "1"), io.storyteller.domain.deployment.RolloutPhase.CANARY, 25);
        long sink = 0;
        for (int i = 0; i < calls; i++) { // warm-up
            sink += ArmChoice.armFor("story-" + i, rollout).ordinal();
        }
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += ArmChoice.armFor("story-" + i, rollout).ordinal();
        }
        double nanos = (double) (System.nanoTime() - start) / calls;
        return sink < 0 ? -1 : nanos;
    }

    private String worldId(SplittableRandom random) {
        int pick = random.nextInt(worlds + worlds / 9);
        return pick < worlds ? RoutingBenchmark.worldId(pick) : "unslotted-world-" + pick;
    }
}
