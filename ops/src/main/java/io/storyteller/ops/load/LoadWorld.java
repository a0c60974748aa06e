package io.storyteller.ops.load;

import io.storyteller.domain.shared.PlatformRole;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * A fresh world for one load run: a world admin creates it, {@code users} players join it, and
 * each story is started by one of them (one story for all sessions in broadcast mode).
 *
 * @param stories one per session, in session order; {@code tokens} the token of the story's owner
 */
record LoadWorld(String worldId, List<String> stories, List<String> tokens) {

    private static final int PARALLEL_CALLS = 16;

    static LoadWorld create(LoadApi api, LoadPlan plan, String runId, Consumer<String> step) {
        String admin = api.token("load-" + runId + "-admin", PlatformRole.WORLD_ADMIN);
        String worldId = api.createWorld(admin, "Load run " + runId);
        int users = plan.broadcast() ? 1 : Math.min(plan.users(), plan.sessions());
        List<String> userTokens = new ArrayList<>();
        List<Runnable> joins = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String userId = "load-" + runId + "-p" + u;
            userTokens.add(api.token(userId, PlatformRole.PLAYER));
            joins.add(() -> api.addPlayer(admin, worldId, userId));
        }
        runAll(joins, () -> step.accept("player joined"));
        int storyCount = plan.broadcast() ? 1 : plan.sessions();
        String[] storyIds = new String[storyCount];
        List<Runnable> starts = new ArrayList<>();
        for (int s = 0; s < storyCount; s++) {
            int index = s;
            starts.add(() -> storyIds[index] = api.startStory(userTokens.get(index % users), worldId, "Load story " + index));
        }
        runAll(starts, () -> step.accept("story started"));
        List<String> stories = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < plan.sessions(); i++) {
            int story = plan.broadcast() ? 0 : i;
            stories.add(storyIds[story]);
            tokens.add(userTokens.get(story % users));
        }
        return new LoadWorld(worldId, List.copyOf(stories), List.copyOf(tokens));
    }

    /** Runs the calls {@value #PARALLEL_CALLS} at a time; the first failure fails the setup. */
    private static void runAll(List<Runnable> calls, Runnable afterEach) {
        Semaphore permits = new Semaphore(PARALLEL_CALLS);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> pending = new ArrayList<>();
            for (Runnable call : calls) {
                permits.acquireUninterruptibly();
                pending.add(executor.submit(() -> {
                    try {
                        call.run();
                        afterEach.run();
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<?> done : pending) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("setting up the load world failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
