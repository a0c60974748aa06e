package io.storyteller.ops.e2e;

import io.storyteller.command.slot.ArmChoice;
import io.storyteller.domain.deployment.RolloutAborted;
import io.storyteller.domain.deployment.RolloutPromoted;
import io.storyteller.domain.deployment.RolloutRolledBack;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.e2e.RolloutViews.Deployment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.messaging.Message;

/**
 * The cast of a rollout test, each with a fresh name: a world admin, a player and the model
 * manager, calling the running application's GraphQL endpoint; and what the tests share.
 */
final class RolloutFixture {

    /** Far above what a house narration takes: a candidate keeps them. */
    static final Map<String, Object> LENIENT_GATES = Map.of("maxErrorRate", 0.5, "maxLatencyP95Millis", 60_000);
    /** Long enough for every rollout here to end; bounds the players too. */
    static final Duration ROLLOUT_PATIENCE = Duration.ofSeconds(60);

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String playerId = "rollout-player-" + tag;
    final String managerId = "rollout-manager-" + tag;
    final Api api;
    final RolloutClient player;
    final RolloutClient manager;
    final RolloutWorlds worlds;
    private final EventStore eventStore;

    RolloutFixture(int port, TokenMinter minter, Path dataDir, EventStore eventStore) {
        this.api = new Api(port, minter);
        this.eventStore = eventStore;
        RolloutClient admin = new RolloutClient(api.as("rollout-admin-" + tag, PlatformRole.WORLD_ADMIN));
        player = new RolloutClient(api.as(playerId, PlatformRole.PLAYER));
        manager = new RolloutClient(api.as(managerId, PlatformRole.MODEL_MANAGER));
        worlds = new RolloutWorlds(admin, player, playerId, manager, dataDir);
    }

    List<String> startStories(String worldId, int count) {
        return IntStream.range(0, count).mapToObj(i -> player.startStory(worldId, "Tide story " + i)).toList();
    }

    /**
     * Starts stories in the world until at least {@code perArm} of all of them fall on each arm of
     * the rollout at this canary weight, and returns the new ones. Arms are sticky per story, so a
     * handful of stories may all fall on one arm, and the other would never get the calls its
     * analysis needs.
     */
    List<String> storiesOnBothArms(String worldId, List<String> stories, String rolloutId, int weight, int perArm) {
        List<String> all = new ArrayList<>(stories);
        List<String> more = new ArrayList<>();
        while (Math.min(onCandidate(all, rolloutId, weight), all.size() - onCandidate(all, rolloutId, weight)) < perArm) {
            if (more.size() >= 50) {
                throw new AssertionError("50 more stories did not reach both arms of " + rolloutId);
            }
            String story = player.startStory(worldId, "Tide story " + all.size());
            all.add(story);
            more.add(story);
        }
        return more;
    }

    private static long onCandidate(List<String> stories, String rolloutId, int weight) {
        return stories.stream().filter(s -> ArmChoice.servesCandidate(s, rolloutId, weight)).count();
    }

    /** The rollout's analyses so far, latest last, with the players' progress: what a failed wait explains itself with. */
    String soFar(String deploymentId, String rolloutId, RolloutPlayers players) {
        List<String> analyses = manager.analyses(deploymentId, rolloutId).stream()
                .map(a -> a.step() + " " + a.phase() + " " + a.verdict() + " (stable " + a.stable().samples()
                        + ", candidate " + a.candidate().samples() + "): " + a.rationale())
                .toList();
        return "players: " + players.progress() + "; analyses: "
                + String.join(" | ", analyses.subList(Math.max(0, analyses.size() - 6), analyses.size()));
    }

    /** Runs the wait; if it times out, fails with the rollout's analyses and the players' progress. */
    <T> T explained(Supplier<T> wait, String deploymentId, String rolloutId, RolloutPlayers players) {
        try {
            return wait.get();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; " + soFar(deploymentId, rolloutId, players), e);
        }
    }

    Deployment awaitSlot(String worldId, Predicate<Deployment> which) {
        return manager.awaitDeployment(worldId, which, RolloutWorlds.PATIENCE);
    }

    /** The deployment's last event that ended a rollout (promoted, rolled back, aborted), from the event log. */
    Object lastRolloutEnd(String deploymentId) {
        return eventStore.readEvents(deploymentId).asStream().map(Message::getPayload)
                .filter(e -> e instanceof RolloutPromoted || e instanceof RolloutRolledBack || e instanceof RolloutAborted)
                .reduce((earlier, later) -> later).orElse(null);
    }
}
