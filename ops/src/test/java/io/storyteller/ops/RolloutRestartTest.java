package io.storyteller.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.e2e.Api;
import io.storyteller.ops.e2e.RolloutClient;
import io.storyteller.ops.e2e.RolloutEndToEnd;
import io.storyteller.ops.e2e.RolloutPlayers;
import io.storyteller.ops.e2e.RolloutViews.Analysis;
import io.storyteller.ops.e2e.RolloutViews.Deployment;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import io.storyteller.ops.e2e.RolloutWorlds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rollout survives a restart of the application: its saga (stored in {@code sagaentry}) and its
 * next analysis deadline (stored by db-scheduler in {@code scheduled_tasks}) outlive the context,
 * and a new context on the same data directory analyses the step the rollout had reached, then
 * carries it on to its promotion.
 */
class RolloutRestartTest {

    /** Long enough that the first context is closed before the analysis after the first advance. */
    private static final String ANALYSIS_INTERVAL = "PT8S";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** What the analysis deadline is stored as: the rollout saga's deadline name and payload type. */
    private static final String DEADLINE_NAME = "rollout-analysis";
    private static final String DEADLINE_PAYLOAD = "io.storyteller.sagas.rollout.AnalysisDue";

    @TempDir
    Path dataDir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRolloutResumesAfterARestartAtTheStepItHadReachedAndIsPromoted() throws Exception {
        String worldId;
        String deploymentId;
        String rolloutId;
        List<String> stories;
        Instant closing;
        long stableWindowSamples;
        try (ConfigurableApplicationContext first = start()) {
            Callers callers = new Callers(first, dataDir);
            worldId = callers.worlds.withTwoHouseModels("Restart harbour");
            deploymentId = callers.manager.createDeployment(worldId, Ref.house(worldId, "1"));
            String world = worldId;
            stories = IntStream.range(0, 8).mapToObj(i -> callers.player.startStory(world, "Restart story " + i)).toList();
            callers.manager.awaitDeployment(worldId, d -> d.stable().equals(Ref.house(world, "1")), PATIENCE);
            rolloutId = callers.manager.startRollout(deploymentId, Ref.house(worldId, "2"),
                    RolloutClient.strategy(null, List.of(50, 100), ANALYSIS_INTERVAL, 1,
                            Map.of("maxErrorRate", 0.5, "maxLatencyP95Millis", 60_000)),
                    "version 2 across a restart");
            String rollout = rolloutId;
            try (var players = RolloutPlayers.start(callers.player, stories, 100, PATIENCE)) {
                callers.manager.awaitDeployment(worldId, d -> d.runs(rollout) && d.rollout().step() == 1, PATIENCE);
            }

            // Before closing: the saga stands at step 1 and holds a persisted deadline for its next analysis.
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            JsonNode saga = json.readTree(new String(jdbc.queryForObject("""
                    select s.serializedsaga from sagaentry s
                    where s.sagatype like '%RolloutSaga'
                      and s.sagaid in (select a.sagaid from associationvalueentry a
                                       where a.associationkey = 'rolloutKey' and a.associationvalue = ?)""",
                    byte[].class, deploymentId.length() + ":" + deploymentId + "/" + rolloutId), StandardCharsets.UTF_8));
            assertThat(saga.path("rolloutId").asText()).isEqualTo(rolloutId);
            assertThat(saga.path("step").asInt()).isEqualTo(1);
            assertThat(saga.path("phase").asText()).isEqualTo("CANARY");
            assertThat(saga.path("paused").asBoolean()).isFalse();
            stableWindowSamples = saga.path("lastServingStable").path("samples").asLong();
            assertThat(stableWindowSamples).as("the stable arm's last serving window, judged against at weight 100")
                    .isPositive();
            String deadlineId = saga.path("deadlineId").asText();
            assertThat(deadlineId).isNotBlank();
            Map<String, Object> deadline = jdbc.queryForMap(
                    "select task_name, execution_time, picked, task_data from scheduled_tasks where task_instance = ?", deadlineId);
            Instant due = ((Timestamp) deadline.get("execution_time")).toInstant();
            closing = Instant.now();
            assertThat(due).as("the next analysis is still to come").isAfter(closing)
                    .isBeforeOrEqualTo(closing.plus(Duration.parse(ANALYSIS_INTERVAL)));
            assertThat(deadline.get("picked")).isEqualTo(false);
            assertThat(new String((byte[]) deadline.get("task_data"), StandardCharsets.ISO_8859_1))
                    .as("the deadline's payload").contains(DEADLINE_PAYLOAD, DEADLINE_NAME);
            assertThat(callers.manager.analyses(deploymentId, rolloutId)).extracting(Analysis::step).containsOnly(0);
        }

        Instant closed = Instant.now();

        try (ConfigurableApplicationContext second = start()) {
            Callers callers = new Callers(second, dataDir);
            String world = worldId;
            try (var players = RolloutPlayers.start(callers.player, stories, 100, PATIENCE)) {
                callers.manager.awaitDeployment(worldId, d -> d.rollout() == null, PATIENCE);
            }
            Deployment after = callers.manager.deployment(worldId);
            assertThat(after.stable()).as("promoted after the restart").isEqualTo(Ref.house(world, "2"));

            List<Analysis> analyses = callers.manager.analyses(deploymentId, rolloutId);
            List<Analysis> before = analyses.stream().filter(a -> a.analyzedAt().isBefore(closing)).toList();
            List<Analysis> resumed = analyses.stream().filter(a -> a.analyzedAt().isAfter(closed)).toList();
            assertThat(before).extracting(Analysis::step).containsOnly(0);
            assertThat(before.getLast().verdict()).isEqualTo("ADVANCE");
            assertThat(resumed).as("analyses after the restart").isNotEmpty()
                    .allSatisfy(a -> assertThat(a.step()).as("the step reached before the restart").isEqualTo(1));
            assertThat(resumed.getLast().verdict()).isEqualTo("PROMOTE");
            assertThat(resumed.getLast().stable().samples())
                    .as("at weight 100 the stable arm is judged by the window the saga kept across the restart")
                    .isEqualTo(stableWindowSamples);
            assertThat(before.size() + resumed.size()).as("no analysis while the first application was closing")
                    .isEqualTo(analyses.size());
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StorytellerApplication.class).run("--server.port=0",
                "--storyteller.data-dir=" + dataDir,
                "--db-scheduler.polling-interval=" + RolloutEndToEnd.POLLING,
                "--storyteller.house-model.retrain-delay=" + RolloutEndToEnd.RETRAIN_DELAY,
                "--storyteller.house-model.retrain-min-new-documents=" + RolloutEndToEnd.RETRAIN_MIN_NEW_DOCUMENTS);
    }

    /** The platform admin, the player and the model manager of one running application. */
    private static final class Callers {

        final RolloutClient player;
        final RolloutClient manager;
        final RolloutWorlds worlds;

        Callers(ConfigurableApplicationContext context, Path dataDir) {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Api api = new Api(port, context.getBean(TokenMinter.class));
            RolloutClient admin = new RolloutClient(api.as("restart-admin", PlatformRole.WORLD_ADMIN));
            player = new RolloutClient(api.as("restart-player", PlatformRole.PLAYER));
            manager = new RolloutClient(api.as("restart-manager", PlatformRole.MODEL_MANAGER));
            worlds = new RolloutWorlds(admin, player, "restart-player", manager, dataDir);
        }
    }
}
