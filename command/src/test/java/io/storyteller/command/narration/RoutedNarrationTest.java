package io.storyteller.command.narration;

import static io.storyteller.command.narration.ScriptedChatModel.chunk;
import static io.storyteller.command.narration.ScriptedChatModel.last;
import static io.storyteller.command.narration.StoryFixtures.STORY;
import static io.storyteller.command.narration.StoryFixtures.WORLD;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.narration.context.AggregateStreams;
import io.storyteller.command.narration.context.ContextAssembler;
import io.storyteller.command.narration.failover.Failover;
import io.storyteller.command.narration.pipeline.CandidateJudge;
import io.storyteller.command.narration.pipeline.HarmGuard;
import io.storyteller.command.slot.ArmChoice;
import io.storyteller.command.narration.routing.Routes;
import io.storyteller.command.runtime.ConfiguredRuntime;
import io.storyteller.command.runtime.ModelRuntimes;
import io.storyteller.command.runtime.ModelUnavailableException;
import io.storyteller.domain.deployment.FindNarratorRoute;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutRoute;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.story.CandidateOutcome;
import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRoute;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.RecordNarration;
import io.storyteller.domain.story.RecordNarrationFailure;
import io.storyteller.domain.story.RecordShadowNarration;
import io.storyteller.domain.story.StoryUpdate;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.story.WatchStory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;

/**
 * Narration through the world's narrator deployment, on a real Axon command bus, query bus and
 * update emitter; the deployment's answer to {@link FindNarratorRoute} and the models are scripted.
 */
class RoutedNarrationTest {

    static final String DEPLOYMENT = "narrator:world:" + WORLD;
    static final ModelRef STABLE = new ModelRef("house:" + WORLD, "1");
    static final ModelRef CANDIDATE = new ModelRef("house:" + WORLD, "2");
    static final String ROLLOUT = "r-1";
    static final PlayerActionSubmitted ACTION = new PlayerActionSubmitted(STORY, WORLD, "a-1", "alice", "I wake the dragon");

    final FakeReadModel readModel = new FakeReadModel();
    final AggregateStreams streams = StoryFixtures.streams();
    final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    final SimpleQueryBus queryBus = SimpleQueryBus.builder().queryUpdateEmitter(emitter).build();
    final QueryGateway queryGateway = DefaultQueryGateway.builder().queryBus(queryBus).build();
    final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    final List<Object> commands = new CopyOnWriteArrayList<>();
    final List<String> progress = new CopyOnWriteArrayList<>();
    final Map<ModelRef, ChatModel> deployed = new ConcurrentHashMap<>();
    final ModelRuntimes runtimes = ref -> {
        ChatModel model = deployed.get(ref);
        if (model == null) {
            throw new ModelUnavailableException("model " + ref.label() + " is not available: not in this test");
        }
        return model;
    };
    Function<Object, Object> commandOutcome = command -> null;

    final ScriptedChatModel stable = ScriptedChatModel.streaming("house:w-1:v1",
            chunk("The dragon "), chunk("sleeps on."), last("", "house:w-1:v1", 50, 4));
    final ScriptedChatModel candidate = ScriptedChatModel.streaming("house:w-1:v2",
            chunk("Candidate "), chunk("words."), last("", "house:w-1:v2", 50, 2));

    @BeforeEach
    void wire() {
        StoryFixtures.act(streams, ACTION);
        new AnnotationQueryHandlerAdapter<>(readModel).subscribe(queryBus);
        for (Class<?> command : List.of(RecordNarration.class, RecordNarrationFailure.class, RecordShadowNarration.class)) {
            commandBus.subscribe(command.getName(), this::handleCommand);
        }
        queryGateway.subscriptionQuery(new WatchStory(STORY, Actor.system()), StoryView.class, StoryUpdate.class)
                .updates().subscribe(update -> progress.add(update.chunk()));
        deployed.put(STABLE, stable);
        deployed.put(CANDIDATE, candidate);
    }

    @Test
    void aStableRouteNarratesWithTheStableVersionAndSaysSo() throws Exception {
        readModel.route = new NarratorRoute(DEPLOYMENT, STABLE, null);

        NarrationEngineTest.handle(engine(), ACTION);

        RecordNarration recorded = (RecordNarration) single();
        assertThat(recorded.text()).isEqualTo("The dragon sleeps on.");
        assertProvenance(recorded.provenance(), STABLE, NarrationArm.STABLE, null, null);
        assertThat(recorded.provenance().promptTokens()).isEqualTo(50);
        assertThat(readModel.queries.stream().filter(FindNarratorRoute.class::isInstance))
                .as("one route lookup per narration").containsExactly(new FindNarratorRoute(WORLD));
    }

    @Test
    void aStoryInTheCanaryShareIsNarratedByTheCandidate() throws Exception {
        int bucket = ArmChoice.bucket(STORY, ROLLOUT);
        readModel.route = new NarratorRoute(DEPLOYMENT, STABLE, canary(bucket + 1));

        NarrationEngineTest.handle(engine(), ACTION);

        RecordNarration recorded = (RecordNarration) single();
        assertThat(recorded.text()).isEqualTo("Candidate words.");
        assertProvenance(recorded.provenance(), CANDIDATE, NarrationArm.CANARY, ROLLOUT, null);
        assertThat(stable.lastPrompt).isNull();
    }

    @Test
    void aStoryOutsideTheCanaryShareStaysOnTheStableArmOfTheRollout() throws Exception {
        int bucket = ArmChoice.bucket(STORY, ROLLOUT);
        readModel.route = new NarratorRoute(DEPLOYMENT, STABLE, canary(bucket));

        NarrationEngineTest.handle(engine(), ACTION);

        RecordNarration recorded = (RecordNarration) single();
        assertThat(recorded.text()).isEqualTo("The dragon sleeps on.");
        assertProvenance(recorded.provenance(), STABLE, NarrationArm.STABLE, ROLLOUT, null);
        assertThat(candidate.lastPrompt).isNull();
    }

    @Test
    void theShadowPhaseShowsTheStableNarrationAndRecordsTheCandidatesBesideIt() throws Exception {
        readModel.route = new NarratorRoute(DEPLOYMENT, STABLE, new RolloutRoute(ROLLOUT, CANDIDATE, RolloutPhase.SHADOW, 0));

        NarrationEngineTest.handle(engine(), ACTION);

        assertThat(commands).hasSize(2);
        RecordNarration shown = (RecordNarration) commands.get(0);
        assertThat(shown.text()).isEqualTo("The dragon sleeps on.");
        assertProvenance(shown.provenance(), STABLE, NarrationArm.STABLE, ROLLOUT, 0);
        RecordShadowNarration shadow = (RecordShadowNarration) commands.get(1);
        assertThat(shadow.storyId()).isEqualTo(STORY);
        assertThat(shadow.requestId()).isEqualTo("a-1");
        assertThat(shadow.text()).isEqualTo("Candidate words.");
        assertThat(shadow.failureReason()).isNull();
        assertProvenance(shadow.provenance(), CANDIDATE, NarrationArm.SHADOW, ROLLOUT, 0);
        assertThat(shadow.provenance().promptDigest()).isEqualTo(shown.provenance().promptDigest());
        assertThat(shadow.provenance().candidates()).singleElement().satisfies(judged -> {
            assertThat(judged.outcome()).isEqualTo(CandidateOutcome.MIRRORED);
            assertThat(judged.arm()).isEqualTo(NarrationArm.SHADOW);
            assertThat(judged.scores().detector()).isEqualTo(0.1);
            assertThat(judged.scores().guardrail().allowed()).isTrue();
        });
        assertThat(candidate.lastPrompt.getInstructions()).isEqualTo(stable.lastPrompt.getInstructions());
        assertThat(progress).as("only the shown narration streams to watchers")
                .containsExactly("The dragon sleeps on.");
    }

    @Test
    void aShadowAnswerTheGuardrailRefusesIsRecordedBlockedForTheShadowArmAndNeverShown() throws Exception {
        readModel.route = new NarratorRoute(DEPLOYMENT, STABLE, new RolloutRoute(ROLLOUT, CANDIDATE, RolloutPhase.SHADOW, 0));
        HarmGuard refusingCandidates = (worldId, rating, text, source) -> new HarmVerdict("test:guard", "1",
                Map.of("violence", text.contains("Candidate") ? 3 : 0), !text.contains("Candidate"),
                text.contains("Candidate") ? List.of("violence") : List.of());

        NarrationEngineTest.handle(engine(Checks.judging(refusingCandidates)), ACTION);

        assertThat(((RecordNarration) commands.get(0)).text()).isEqualTo("The dragon sleeps on.");
        RecordShadowNarration shadow = (RecordShadowNarration) commands.get(1);
        assertThat(shadow.provenance().candidates()).singleElement()
                .satisfies(judged -> assertThat(judged.outcome()).isEqualTo(CandidateOutcome.BLOCKED));
        assertThat(progress).containsExactly("The dragon sleeps on.");
    }

    @Test
    void aFailingShadowIsRecordedAsAFailureAndTheStoryIsNarratedAnyway() throws Exception {
        deployed.put(CANDIDATE, new ScriptedChatModel("house:w-1:v2",
                prompt -> Flux.<ChatResponse>error(new IllegalStateException("secret detail"))));
        readModel.route = new NarratorRoute(DEPLOYMENT, STABLE, new RolloutRoute(ROLLOUT, CANDIDATE, RolloutPhase.SHADOW, 0));

        NarrationEngineTest.handle(engine(), ACTION);

        assertThat(((RecordNarration) commands.get(0)).text()).isEqualTo("The dragon sleeps on.");
        RecordShadowNarration shadow = (RecordShadowNarration) commands.get(1);
        assertThat(shadow.text()).isNull();
        assertThat(shadow.failureReason()).isEqualTo("narrator failed (IllegalStateException)");
        assertProvenance(shadow.provenance(), CANDIDATE, NarrationArm.SHADOW, ROLLOUT, 0);
        assertThat(shadow.provenance().completionTokens()).isZero();
    }

    @Test
    void aShadowCandidateWithoutARuntimeIsRecordedAsAFailure() throws Exception {
        deployed.remove(CANDIDATE);
        readModel.route = new NarratorRoute(DEPLOYMENT, STABLE, new RolloutRoute(ROLLOUT, CANDIDATE, RolloutPhase.SHADOW, 0));

        NarrationEngineTest.handle(engine(), ACTION);

        assertThat(((RecordShadowNarration) commands.get(1)).failureReason())
                .isEqualTo("model house:w-1@2 is not available: not in this test");
    }

    @Test
    void aRedeliveredRequestRecordsNoSecondShadow() throws Exception {
        commandOutcome = command -> {
            throw DomainRejection.conflict("requestId", "pending", "no narration request a-1 is pending");
        };
        readModel.route = new NarratorRoute(DEPLOYMENT, STABLE, new RolloutRoute(ROLLOUT, CANDIDATE, RolloutPhase.SHADOW, 0));

        NarrationEngineTest.handle(engine(), ACTION);

        assertThat(single()).isInstanceOf(RecordNarration.class);
    }

    @Test
    void aFailedRoutedNarrationCarriesItsRoute() throws Exception {
        deployed.put(CANDIDATE, new ScriptedChatModel("house:w-1:v2",
                prompt -> Flux.<ChatResponse>error(new IllegalStateException("boom"))));
        readModel.route = new NarratorRoute(DEPLOYMENT, STABLE, canary(100));

        NarrationEngineTest.handle(engine(), ACTION);

        RecordNarrationFailure failure = (RecordNarrationFailure) single();
        assertThat(failure.reason()).isEqualTo("narrator failed (IllegalStateException)");
        assertThat(failure.model()).isEqualTo("house:w-1@2");
        assertThat(failure.route()).isEqualTo(new NarrationRoute(DEPLOYMENT, NarrationArm.CANARY, ROLLOUT, null));
    }

    @Test
    void aStableVersionWithoutARuntimeFailsTheNarrationWithItsRoute() throws Exception {
        readModel.route = new NarratorRoute(DEPLOYMENT, new ModelRef("openai:gpt-test", "gpt-test"), null);

        NarrationEngineTest.handle(engine(), ACTION);

        RecordNarrationFailure failure = (RecordNarrationFailure) single();
        assertThat(failure.reason()).isEqualTo("model openai:gpt-test@gpt-test is not available: not in this test");
        assertThat(failure.route()).isEqualTo(new NarrationRoute(DEPLOYMENT, NarrationArm.STABLE, null, null));
    }

    @Test
    void withoutADeploymentTheConfiguredNarratorAnswersUnrouted() throws Exception {
        readModel.route = null;
        ScriptedChatModel configured = ScriptedChatModel.streaming("gpt-test", chunk("Plain."), last("", "gpt-test-2025", 9, 1));

        NarrationEngineTest.handle(engine(worldId -> configured), ACTION);

        RecordNarration recorded = (RecordNarration) single();
        assertThat(recorded.provenance().model()).isEqualTo("gpt-test-2025");
        assertThat(recorded.provenance().deploymentId()).isNull();
        assertThat(recorded.provenance().arm()).isNull();
        assertThat(recorded.provenance().rolloutId()).isNull();
        assertThat(stable.lastPrompt).isNull();
    }

    private static RolloutRoute canary(int weight) {
        return new RolloutRoute(ROLLOUT, CANDIDATE, RolloutPhase.CANARY, weight);
    }

    private static void assertProvenance(NarrationProvenance provenance, ModelRef model, NarrationArm arm,
            String rolloutId, Integer step) {
        assertThat(provenance.model()).isEqualTo(model.modelId());
        assertThat(provenance.modelVersion()).isEqualTo(model.version());
        assertThat(provenance.deploymentId()).isEqualTo(DEPLOYMENT);
        assertThat(provenance.arm()).isEqualTo(arm);
        assertThat(provenance.rolloutId()).isEqualTo(rolloutId);
        assertThat(provenance.rolloutStep()).isEqualTo(step);
        assertThat(provenance.loreEntryIds()).isNotNull();
    }

    private NarrationEngine engine() {
        return engine(worldId -> {
            throw new AssertionError("a deployment serves this world: the configured narrator must not be asked");
        });
    }

    private NarrationEngine engine(ConfiguredRuntime configured) {
        return engine(configured, Checks.passing());
    }

    private NarrationEngine engine(CandidateJudge judge) {
        return engine(worldId -> {
            throw new AssertionError("a deployment serves this world: the configured narrator must not be asked");
        }, judge);
    }

    private NarrationEngine engine(ConfiguredRuntime configured, CandidateJudge judge) {
        NarrationProperties properties = NarrationProperties.defaults();
        return new NarrationEngine(StoryFixtures.contexts(streams), new ContextAssembler(properties.promptSettings()),
                new Routes(queryGateway, properties.timeout()),
                new Recall(queryGateway, properties.timeout(), properties.recentBeats()), configured, runtimes, new Narrator(properties),
                judge, Checks.ALLOWING, queryGateway, new NarrationProgress(emitter), DefaultCommandGateway.builder().commandBus(commandBus).build(),
                BudgetFixtures.none(queryGateway), Failover.off());
    }

    private Object handleCommand(CommandMessage<?> message) {
        commands.add(message.getPayload());
        return commandOutcome.apply(message.getPayload());
    }

    private Object single() {
        assertThat(commands).hasSize(1);
        return commands.getFirst();
    }
}
