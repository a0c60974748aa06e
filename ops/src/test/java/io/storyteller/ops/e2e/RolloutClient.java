package io.storyteller.ops.e2e;

import static org.awaitility.Awaitility.await;

import io.storyteller.ops.e2e.RolloutViews.ArmReport;
import io.storyteller.ops.e2e.RolloutViews.Analysis;
import io.storyteller.ops.e2e.RolloutViews.Audit;
import io.storyteller.ops.e2e.RolloutViews.Beat;
import io.storyteller.ops.e2e.RolloutViews.BeatEdge;
import io.storyteller.ops.e2e.RolloutViews.Deployment;
import io.storyteller.ops.e2e.RolloutViews.Model;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import io.storyteller.ops.e2e.RolloutViews.StoryState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClient;

/**
 * One caller's moves through the real GraphQL endpoint for the rollout tests: building a world,
 * playing stories in it, and (as the model manager) managing models, deployments and rollouts.
 * Every move fails the test on any GraphQL error, except {@link #errors}, which returns them.
 * Public, so that the restart test in {@code io.storyteller.ops} can drive the API too.
 */
public final class RolloutClient {

    private static final String PROVENANCE = "provenance { model modelVersion latencyMillis deploymentId arm rolloutId rolloutStep }";
    private static final String REF = "{ modelId version }";
    private static final String DEPLOYMENT = """
            id useCase worldId stable %1$s
            rollout { rolloutId candidate %1$s phase step lastStep plan weight paused reason startedAt }
            traffic { stableWeight canaryWeight shadowMirrored candidate %1$s }""".formatted(REF);
    private static final String ARM = "{ samples errorRate latencyP95Millis guardrailBlockRate detectorScore rating costPerBeat }";

    private final GraphQlClient client;

    public RolloutClient(GraphQlClient client) {
        this.client = client;
    }

    // --- worlds and stories -------------------------------------------------------------------

    public String createWorld(String name) {
        return run("""
                mutation($name: String!) {
                  createWorld(settings: {name: $name, premise: "A harbour town where the tide keeps secrets.",
                                         genre: "mystery", tone: "wistful", contentRating: TEEN}) { worldId }
                }""", Map.of("name", name), "createWorld.worldId", String.class);
    }

    public String addLore(String worldId, String title, List<String> triggerKeys, String content) {
        return run("""
                mutation($worldId: ID!, $content: LoreContentInput!) {
                  addLoreEntry(worldId: $worldId, content: $content) { loreEntryId }
                }""", Map.of("worldId", worldId, "content", Map.of("title", title, "triggerKeys", triggerKeys,
                "content", content, "alwaysOn", triggerKeys.isEmpty())), "addLoreEntry.loreEntryId", String.class);
    }

    public void addPlayer(String worldId, String userId) {
        run("""
                mutation($worldId: ID!, $userId: ID!) {
                  addWorldMember(worldId: $worldId, userId: $userId, role: PLAYER) { userId }
                }""", Map.of("worldId", worldId, "userId", userId), "addWorldMember.userId", String.class);
    }

    public String startStory(String worldId, String title) {
        return run("mutation($worldId: ID!, $title: String!) { startStory(worldId: $worldId, title: $title) { storyId } }",
                Map.of("worldId", worldId, "title", title), "startStory.storyId", String.class);
    }

    /** Submits a player action; returns the action beat's id. */
    public String act(String storyId, String text) {
        return run("""
                mutation($storyId: ID!, $text: String!) {
                  submitPlayerAction(storyId: $storyId, text: $text) { actionBeatId }
                }""", Map.of("storyId", storyId, "text", text), "submitPlayerAction.actionBeatId", String.class);
    }

    /** Several stories' beat counts and pending flags in one request. */
    public Map<String, StoryState> states(List<String> storyIds) {
        var document = new StringBuilder("query(");
        var selection = new StringBuilder();
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < storyIds.size(); i++) {
            document.append(i == 0 ? "" : ", ").append("$id").append(i).append(": ID!");
            selection.append(" s").append(i).append(": story(id: $id").append(i).append(") { id beatCount narrationPending }");
            variables.put("id" + i, storyIds.get(i));
        }
        document.append(") {").append(selection).append(" }");
        ClientGraphQlResponse response = execute(document.toString(), variables);
        requireNoErrors(response);
        Map<String, StoryState> states = new LinkedHashMap<>();
        for (int i = 0; i < storyIds.size(); i++) {
            StoryState state = response.field("s" + i).getValue() == null ? null
                    : response.field("s" + i).toEntity(StoryState.class);
            states.put(storyIds.get(i), state);
        }
        return states;
    }

    /** All the story's beats, a page at a time, with the narrations' provenance. */
    public List<Beat> beats(String storyId) {
        List<Beat> beats = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 50; page++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", storyId);
            variables.put("after", after);
            ClientGraphQlResponse response = execute("""
                    query($id: ID!, $after: String) {
                      story(id: $id) {
                        beats(first: 20, after: $after) { edges { node { id kind position text %s } } pageInfo { hasNextPage endCursor } }
                      }
                    }""".formatted(PROVENANCE), variables);
            requireNoErrors(response);
            response.field("story.beats.edges").toEntityList(BeatEdge.class).forEach(edge -> beats.add(edge.node()));
            if (!Boolean.TRUE.equals(response.field("story.beats.pageInfo.hasNextPage").getValue())) {
                return beats;
            }
            after = response.field("story.beats.pageInfo.endCursor").getValue();
        }
        throw new AssertionError("story " + storyId + " has more than 50 pages of beats");
    }

    // --- the model registry ---------------------------------------------------------------------

    /** The model, or null when the registry has none of that id. */
    public Model model(String modelId) {
        ClientGraphQlResponse response = execute("""
                query($id: ID!) { model(id: $id) { id source status versions { version artifact { uri sha256 sizeBytes } } } }""",
                Map.of("id", modelId));
        requireNoErrors(response);
        return response.field("model").getValue() == null ? null : response.field("model").toEntity(Model.class);
    }

    public List<ResponseError> registerHouseModel(String worldId) {
        return errors("""
                mutation($input: RegisterModelInput!) { registerModel(input: $input) { modelId } }""",
                Map.of("input", Map.of("provider", "house", "providerModelId", worldId, "kind", "CHAT",
                        "capabilities", List.of("narration"), "contextWindow", 2048,
                        "price", Map.of("inputPerMillion", 0, "outputPerMillion", 0), "license", "proprietary",
                        "source", "HOUSE_TRAINED")));
    }

    public List<ResponseError> addModelVersion(String modelId, String version, String uri, String sha256, long sizeBytes) {
        return errors("""
                mutation($modelId: ID!, $input: ModelVersionInput!) { addModelVersion(modelId: $modelId, input: $input) { version } }""",
                Map.of("modelId", modelId, "input", Map.of("version", version,
                        "artifact", Map.of("uri", uri, "sha256", sha256, "sizeBytes", sizeBytes))));
    }

    // --- deployments and rollouts ---------------------------------------------------------------

    public String createDeployment(String worldId, Ref stable) {
        return run("""
                mutation($worldId: ID!, $stable: ModelRefInput!) {
                  createDeployment(useCase: NARRATOR, worldId: $worldId, stable: $stable) { deploymentId }
                }""", Map.of("worldId", worldId, "stable", stable.input()), "createDeployment.deploymentId", String.class);
    }

    /** A world's slot for a judge stage or the embedder ({@code DETECTOR}, {@code GUARDRAIL}, …); returns its id. */
    public String createDeployment(String useCase, String worldId, Ref stable) {
        return run("""
                mutation($useCase: UseCase!, $worldId: ID!, $stable: ModelRefInput!) {
                  createDeployment(useCase: $useCase, worldId: $worldId, stable: $stable) { deploymentId }
                }""", Map.of("useCase", useCase, "worldId", worldId, "stable", stable.input()),
                "createDeployment.deploymentId", String.class);
    }

    /** The world's own slot for the use case as the read model has it, or null when it has none yet. */
    public Deployment deployment(String worldId, String useCase) {
        List<Deployment> slots = runList("query($worldId: ID) { deployments(worldId: $worldId) { " + DEPLOYMENT + " } }",
                Map.of("worldId", worldId), "deployments", Deployment.class);
        return slots.stream().filter(d -> useCase.equals(d.useCase()) && worldId.equals(d.worldId())).findFirst()
                .orElse(null);
    }

    /** Starts a rollout; returns its id. */
    public String startRollout(String deploymentId, Ref candidate, Map<String, Object> strategy, String reason) {
        return run("""
                mutation($deploymentId: ID!, $candidate: ModelRefInput!, $strategy: RolloutStrategyInput!, $reason: String!) {
                  startRollout(deploymentId: $deploymentId, candidate: $candidate, strategy: $strategy, reason: $reason) { rolloutId }
                }""", Map.of("deploymentId", deploymentId, "candidate", candidate.input(), "strategy", strategy,
                "reason", reason), "startRollout.rolloutId", String.class);
    }

    public void pauseRollout(String deploymentId, String rolloutId, String reason) {
        rolloutMove("pauseRollout(deploymentId: $d, rolloutId: $r, reason: $reason)", deploymentId, rolloutId, reason);
    }

    public void abortRollout(String deploymentId, String rolloutId, String reason) {
        rolloutMove("abortRollout(deploymentId: $d, rolloutId: $r, reason: $reason)", deploymentId, rolloutId, reason);
    }

    private void rolloutMove(String call, String deploymentId, String rolloutId, String reason) {
        String name = call.substring(0, call.indexOf('('));
        run("mutation($d: ID!, $r: ID!, $reason: String!) { " + call + " { rolloutId } }",
                Map.of("d", deploymentId, "r", rolloutId, "reason", reason), name + ".rolloutId", String.class);
    }

    /** The world's narrator slot as the read model has it, or null when it has none yet. */
    public Deployment deployment(String worldId) {
        List<Deployment> slots = runList("query($worldId: ID) { deployments(worldId: $worldId) { " + DEPLOYMENT + " } }",
                Map.of("worldId", worldId), "deployments", Deployment.class);
        return slots.stream().filter(d -> "NARRATOR".equals(d.useCase())).findFirst().orElse(null);
    }

    /** Waits until the world's narrator slot, as the read model has it, matches. */
    public Deployment awaitDeployment(String worldId, Predicate<Deployment> which, Duration patience) {
        return await("the narrator slot of " + worldId).atMost(patience).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> deployment(worldId), d -> d != null && which.test(d));
    }

    /** A {@code RolloutStrategyInput}; {@code shadow} may be null (no shadow phase). */
    public static Map<String, Object> strategy(Map<String, Object> shadow, List<Integer> canarySteps, String analysisInterval,
            int minSamples, Map<String, Object> gates) {
        Map<String, Object> strategy = new HashMap<>();
        if (shadow != null) {
            strategy.put("shadow", shadow);
        }
        strategy.put("canarySteps", canarySteps);
        strategy.put("analysisInterval", analysisInterval);
        strategy.put("minSamples", minSamples);
        strategy.put("gates", gates);
        return strategy;
    }

    public List<Analysis> analyses(String deploymentId, String rolloutId) {
        return runList("""
                query($d: ID!, $r: ID!) {
                  rolloutAnalyses(deploymentId: $d, rolloutId: $r) {
                    deploymentId rolloutId step phase stable %1$s candidate %1$s
                    results { gate threshold baseline limit observed passed }
                    verdict rationale analyzedBy analyzedAt
                  }
                }""".formatted(ARM), Map.of("d", deploymentId, "r", rolloutId), "rolloutAnalyses", Analysis.class);
    }

    public ArmReport armMetrics(String deploymentId, String rolloutId, Instant since) {
        return run("""
                query($d: ID!, $r: ID!, $since: DateTime!) {
                  armMetrics(deploymentId: $d, rolloutId: $r, since: $since) { stable %1$s candidate %1$s shadow %1$s }
                }""".formatted(ARM), Map.of("d", deploymentId, "r", rolloutId, "since", since.toString()),
                "armMetrics", ArmReport.class);
    }

    public Audit audit(String storyId, String beatId) {
        return run("""
                query($s: ID!, $b: ID!) {
                  narrationAudit(storyId: $s, beatId: $b) {
                    storyId worldId beatId selectedAlternative
                    alternatives {
                      alternativeIndex requestId recordedAt model %s deploymentId arm rolloutId rolloutStep
                      decisions { kind decidedAt model %s rolloutId step verdict rationale decidedBy }
                    }
                  }
                }""".formatted(REF, REF), Map.of("s", storyId, "b", beatId), "narrationAudit", Audit.class);
    }

    // --- plumbing -------------------------------------------------------------------------------

    /** The GraphQL errors of a request that may fail (none when it succeeded). */
    public List<ResponseError> errors(String document, Map<String, Object> variables) {
        return execute(document, variables).getErrors();
    }

    private <T> T run(String document, Map<String, Object> variables, String path, Class<T> type) {
        ClientGraphQlResponse response = execute(document, variables);
        requireNoErrors(response);
        return response.field(path).toEntity(type);
    }

    private <T> List<T> runList(String document, Map<String, Object> variables, String path, Class<T> type) {
        ClientGraphQlResponse response = execute(document, variables);
        requireNoErrors(response);
        List<T> values = response.field(path).toEntityList(type);
        return values == null ? List.of() : values;
    }

    private ClientGraphQlResponse execute(String document, Map<String, Object> variables) {
        ClientGraphQlResponse response = client.document(document).variables(variables).execute().block(Api.timeout());
        if (response == null) {
            throw new AssertionError("no response to " + document);
        }
        return response;
    }

    private static void requireNoErrors(ClientGraphQlResponse response) {
        if (!response.getErrors().isEmpty()) {
            throw new AssertionError("GraphQL errors: " + response.getErrors());
        }
    }
}
