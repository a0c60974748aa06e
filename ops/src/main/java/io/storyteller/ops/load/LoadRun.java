package io.storyteller.ops.load;

import io.storyteller.graphql.security.TokenMinter;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One load run: set up a world and stories, open the sessions, let the players play, report.
 * Progress goes to standard error, the report to {@code out}.
 */
public final class LoadRun {

    private static final List<String> ACTIONS = List.of("I walk down to the harbour and listen to the fog.",
            "I ask the innkeeper about the lantern on the hill.", "I light my lamp and look around.",
            "I follow the sound of the bell.", "I knock on the door of the old chapel.");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final LoadPlan plan;
    private final TokenMinter minter;
    private final OptionalLong serverPid;
    private final PrintWriter out;
    private final LoadTally tally = new LoadTally();

    public LoadRun(LoadPlan plan, TokenMinter minter, OptionalLong serverPid, PrintWriter out) {
        this.plan = plan;
        this.minter = minter;
        this.serverPid = serverPid;
        this.out = out;
    }

    public void run() throws InterruptedException {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        try (ExecutorService callbacks = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpClient http = HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(10)).build();
            LoadApi api = new LoadApi(plan.graphQl(), minter, http);
            LoadWorld world;
            try (ProgressBar bar = bar("setup", (plan.broadcast() ? 2 : plan.sessions() + Math.min(plan.users(), plan.sessions())))) {
                world = LoadWorld.create(api, plan, runId, step -> bar.step());
            }
            List<StorySession> sessions = new ArrayList<>();
            long connectStarted = System.nanoTime();
            connect(http, world, sessions);
            Duration connectTime = Duration.ofNanos(System.nanoTime() - connectStarted);
            Thread.sleep(plan.settle().toMillis());
            Instant playStarted = Instant.now();
            play(api, world, sessions);
            Duration played = Duration.between(playStarted, Instant.now());
            tally.closing();
            sessions.forEach(StorySession::close);
            new LoadReport(plan, runId, tally, connectTime, played, serverPid.stream()
                    .mapToObj(ServerMemory::new).findFirst().orElse(null)).print(out);
        }
    }

    private void connect(HttpClient http, LoadWorld world, List<StorySession> sessions) throws InterruptedException {
        Semaphore permits = new Semaphore(plan.connectParallelism());
        List<CompletableFuture<Void>> opened = new ArrayList<>();
        try (ProgressBar bar = bar("sessions", plan.sessions())) {
            for (int i = 0; i < plan.sessions(); i++) {
                StorySession session = new StorySession(world.stories().get(i), world.tokens().get(i), tally);
                sessions.add(session);
                permits.acquire();
                opened.add(session.open(http, plan.webSocket(), CONNECT_TIMEOUT).whenComplete((ok, failure) -> {
                    permits.release();
                    bar.step();
                    if (failure == null) {
                        tally.connected.incrementAndGet();
                    } else {
                        tally.connectFailures.incrementAndGet();
                        tally.error("connect: " + rootMessage(failure));
                    }
                }));
                bar.setExtraMessage(" connected " + tally.connected.get() + ", failed " + tally.connectFailures.get());
            }
            CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).exceptionally(failed -> null).join();
        }
    }

    private void play(LoadApi api, LoadWorld world, List<StorySession> sessions) throws InterruptedException {
        long deadline = System.nanoTime() + plan.duration().toNanos();
        try (ProgressBar bar = bar("play (s)", plan.duration().toSeconds());
                ExecutorService players = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int p = 0; p < plan.players(); p++) {
                StorySession session = sessions.get(p);
                String story = world.stories().get(p);
                String token = world.tokens().get(p);
                int first = p;
                players.submit(() -> playOne(api, session, story, token, first, deadline));
            }
            while (System.nanoTime() < deadline && !actionsDone()) {
                Thread.sleep(250);
                bar.stepTo(plan.duration().toSeconds() - Math.max(0, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())));
                bar.setExtraMessage(" connected %d dropped %d actions %d events %d".formatted(tally.connected.get(),
                        tally.dropped.get(), tally.actions.get(), tally.events.sum()));
            }
            players.shutdown();
            players.awaitTermination(plan.narrationTimeout().toSeconds() + 5, TimeUnit.SECONDS);
        }
    }

    /**
     * One player: an action, its narration awaited, then the rest of the player's interval. The
     * players' first actions are spread evenly over one interval, as players who arrive one by one
     * would act: all of them at the same instant would be a burst the rate never asked for, and its
     * queue would stay in every later figure.
     */
    private void playOne(LoadApi api, StorySession session, String story, String token, int turn, long deadline) {
        long interval = plan.actionInterval().toNanos();
        try {
            Thread.sleep(Duration.ofNanos(interval * turn / plan.players()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int next = turn;
        while (System.nanoTime() < deadline && !session.isClosed() && claimAction()) {
            long started = System.nanoTime();
            CompletableFuture<Instant> narration = session.nextNarration();
            Instant sent = Instant.now();
            try {
                api.act(token, story, ACTIONS.get(next++ % ACTIONS.size()));
                Instant arrived = narration.get(plan.narrationTimeout().toMillis(), TimeUnit.MILLISECONDS);
                tally.narrated(Duration.between(sent, arrived));
            } catch (TimeoutException e) {
                tally.error("no narration within " + plan.narrationTimeout().toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                tally.error("action: " + rootMessage(e));
            }
            long wait = started + interval - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private boolean claimAction() {
        long claimed = tally.actions.incrementAndGet();
        if (plan.maxActions() > 0 && claimed > plan.maxActions()) {
            tally.actions.decrementAndGet();
            return false;
        }
        return true;
    }

    private boolean actionsDone() {
        return plan.maxActions() > 0 && tally.actions.get() >= plan.maxActions();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static ProgressBar bar(String task, long max) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).continuousUpdate().build();
    }
}
