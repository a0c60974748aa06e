package io.storyteller.command.autoswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.runtime.ModelUnavailableException;
import io.storyteller.domain.deployment.ArmMetrics;
import io.storyteller.domain.deployment.AutoSwitchDecided;
import io.storyteller.domain.deployment.AutoSwitchPolicy;
import io.storyteller.domain.deployment.DecideAutoSwitch;
import io.storyteller.domain.deployment.DeploymentIds;
import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutProgress;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelRegistered;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelStatus;
import io.storyteller.domain.model.ModelVersionAdded;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.RecordModelEvaluation;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.model.ChatModel;

class AutoSwitchPolicyRunnerTest {

    static final String WORLD = "w1";
    static final String SLOT = DeploymentIds.of(UseCase.NARRATOR, WORLD);
    static final ModelRef STABLE = new ModelRef("openai:gpt-4o-mini", "gpt-4o-mini");
    static final ModelRef CANDIDATE = new ModelRef("openai:gpt-5", "gpt-5-2026-01-01");
    static final String GOOD = "The door creaks open onto a hall of dust and moonlight. Something stirs in the dark.";

    final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    final ReadSide readSide = new ReadSide();
    final RecordingCommands commands = new RecordingCommands();
    final Map<String, ChatModel> runnable = new HashMap<>();
    AutoSwitchPolicyRunner runner;

    @BeforeEach
    void setUp() {
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(readSide).subscribe(queryBus);
        runner = new AutoSwitchPolicyRunner(AutoSwitchProperties.defaults(), this::chatModelFor, events,
                DefaultQueryGateway.builder().queryBus(queryBus).build(), commands);
        readSide.models.add(model(STABLE.modelId(), "openai", ModelKind.CHAT, price("0.15", "0.60")));
        readSide.models.add(model(CANDIDATE.modelId(), "openai", ModelKind.CHAT, price("1", "2")));
    }

    @AfterEach
    void tearDown() {
        runner.close();
        events.shutDown();
    }

    private ChatModel chatModelFor(ModelRef ref) {
        ChatModel model = runnable.get(ref.modelId());
        if (model == null) {
            throw new ModelUnavailableException("no runtime for " + ref.label());
        }
        return model;
    }

    @Test
    void evaluatesADiscoveredModelOfAProviderInUseAndDecides() throws Exception {
        ScriptedModel candidate = ScriptedModel.answering(GOOD, 100, 50);
        ScriptedModel stable = ScriptedModel.answering("and then", 100, 50);
        runnable.put(CANDIDATE.modelId(), candidate);
        runnable.put(STABLE.modelId(), stable);
        readSide.deployments.add(slot(SLOT, WORLD, STABLE, null));
        log(new WorldCreated(WORLD, new WorldSettings("Ashfall", "p", "fantasy", "dark", null, null), "u1"),
                action(WORLD, "I open the door"), action("w2", "elsewhere"), action(WORLD, "I light a torch"),
                action(WORLD, "I call out"));

        discover(CANDIDATE, "openai", ModelKind.CHAT);

        assertThat(candidate.prompts).hasSize(3);
        assertThat(stable.prompts).hasSize(3);
        List<Message> first = candidate.prompts.getFirst().getInstructions();
        assertThat(first.getFirst().getText()).contains("Ashfall");
        assertThat(first.getLast().getText()).isEqualTo("I open the door");

        List<RecordModelEvaluation> evaluations = commands.sent(RecordModelEvaluation.class);
        assertThat(evaluations).extracting(RecordModelEvaluation::modelId, RecordModelEvaluation::version,
                        RecordModelEvaluation::suite)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CANDIDATE.modelId(), CANDIDATE.version(),
                                "narration-replay"),
                        org.assertj.core.groups.Tuple.tuple(STABLE.modelId(), STABLE.version(), "narration-replay"));
        Map<String, Double> candidateMetrics = evaluations.getFirst().metrics();
        assertThat(candidateMetrics).containsEntry("errorRate", 0.0).containsEntry("quality", 5.0)
                .containsEntry("samples", 3.0).containsEntry("costPerBeat", 0.0002).containsKey("latencyP95Millis");
        assertThat(evaluations.getLast().metrics()).containsEntry("quality", 1.0)
                .containsEntry("costPerBeat", 0.000045);

        DecideAutoSwitch decision = commands.sent(DecideAutoSwitch.class).getFirst();
        assertThat(commands.sent(DecideAutoSwitch.class)).hasSize(1);
        assertThat(decision.deploymentId()).isEqualTo(SLOT);
        assertThat(decision.candidate()).isEqualTo(CANDIDATE);
        assertThat(decision.candidateEvaluation().rating()).isEqualTo(5.0);
        assertThat(decision.candidateEvaluation().samples()).isEqualTo(3);
        assertThat(decision.candidateEvaluation().costPerBeat()).isEqualByComparingTo("0.0002");
        assertThat(decision.stableEvaluation().rating()).isEqualTo(1.0);
        assertThat(decision.policy()).isEqualTo(new AutoSwitchPolicy(0.25, new BigDecimal("0.002")));
        assertThat(decision.shadowFirstStrategy().shadow().mirroredRequests()).isEqualTo(50);
        assertThat(decision.shadowFirstStrategy().canarySteps()).containsExactly(5, 25, 50, 100);
        assertThat(decision.shadowFirstStrategy().gates().maxErrorRate()).isEqualTo(0.05);
        assertThat(decision.rolloutId()).isNotBlank();
        assertThat(decision.actor().userId()).isEqualTo("system");
    }

    @Test
    void theHandlersTakeTheEventsAsAxonDeliversThem() throws Exception {
        runnable.put(CANDIDATE.modelId(), ScriptedModel.answering(GOOD, 10, 10));
        runnable.put(STABLE.modelId(), ScriptedModel.answering(GOOD, 10, 10));
        readSide.deployments.add(slot(SLOT, WORLD, STABLE, null));
        log(action(WORLD, "I open the door"));
        SubscribingEventProcessor processor = SubscribingEventProcessor.builder().name("auto-switch")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(runner)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .messageSource(events).build();
        processor.start();
        try {
            log(new ModelRegistered(CANDIDATE.modelId(), spec("openai", ModelKind.CHAT, price("1", "2")),
                    ModelSource.PAID_API, "discovery:openai", "system"),
                    new ModelVersionAdded(CANDIDATE.modelId(), CANDIDATE.version(), null, null, null, "system"));
            runner.awaitIdle();
        } finally {
            processor.shutDown();
        }

        assertThat(commands.sent(DecideAutoSwitch.class)).extracting(DecideAutoSwitch::candidate).containsExactly(CANDIDATE);
    }

    @Test
    void aGlobalSlotReplaysTheNewestActionsOfAllWorlds() throws Exception {
        ScriptedModel candidate = ScriptedModel.answering(GOOD, 10, 10);
        runnable.put(CANDIDATE.modelId(), candidate);
        runnable.put(STABLE.modelId(), ScriptedModel.answering(GOOD, 10, 10));
        readSide.deployments.add(slot(DeploymentIds.of(UseCase.NARRATOR, null), null, STABLE, null));
        for (int i = 0; i < 15; i++) {
            log(action(i % 2 == 0 ? WORLD : "w2", "action " + i));
        }

        discover(CANDIDATE, "openai", ModelKind.CHAT);

        assertThat(candidate.prompts).hasSize(12);
        assertThat(candidate.prompts.getFirst().getInstructions().getLast().getText()).isEqualTo("action 3");
        assertThat(commands.sent(DecideAutoSwitch.class)).hasSize(1);
    }

    @Test
    void aProviderNotInUseIsNotEvaluated() throws Exception {
        ScriptedModel candidate = ScriptedModel.answering(GOOD, 10, 10);
        runnable.put("anthropic:claude-sonnet-4-5", candidate);
        readSide.deployments.add(slot(SLOT, WORLD, STABLE, null));
        log(action(WORLD, "I open the door"));

        discover(new ModelRef("anthropic:claude-sonnet-4-5", "claude-sonnet-4-5"), "anthropic", ModelKind.CHAT);

        assertThat(candidate.prompts).isEmpty();
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void aModelThatIsNotForChatIsNotEvaluated() throws Exception {
        readSide.deployments.add(slot(SLOT, WORLD, STABLE, null));
        log(action(WORLD, "I open the door"));

        discover(new ModelRef("openai:text-embedding-3-small", "text-embedding-3-small"), "openai", ModelKind.EMBEDDING);

        assertThat(commands.sent).isEmpty();
    }

    @Test
    void aModelEnteredByHandOrByHouseTrainingIsNotEvaluated() throws Exception {
        runnable.put(CANDIDATE.modelId(), ScriptedModel.answering(GOOD, 10, 10));
        readSide.deployments.add(slot(SLOT, WORLD, STABLE, null));
        log(action(WORLD, "I open the door"));

        runner.on(new ModelRegistered(CANDIDATE.modelId(), spec("openai", ModelKind.CHAT, price("1", "2")),
                ModelSource.PAID_API, null, "admin"), Instant.now());
        runner.on(new ModelVersionAdded(CANDIDATE.modelId(), CANDIDATE.version(), null, null, null, "admin"));
        runner.awaitIdle();

        assertThat(commands.sent).isEmpty();
    }

    @Test
    void aDiscoveryOlderThanTheMaximumAgeIsNotEvaluated() throws Exception {
        ScriptedModel candidate = ScriptedModel.answering(GOOD, 10, 10);
        runnable.put(CANDIDATE.modelId(), candidate);
        readSide.deployments.add(slot(SLOT, WORLD, STABLE, null));
        log(action(WORLD, "I open the door"));

        discover(CANDIDATE, "openai", ModelKind.CHAT, Instant.now().minus(java.time.Duration.ofHours(25)));

        assertThat(candidate.prompts).isEmpty();
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void aModelKnownBeforeTheSlotWasCreatedIsNotNewToIt() throws Exception {
        ScriptedModel candidate = ScriptedModel.answering(GOOD, 10, 10);
        runnable.put(CANDIDATE.modelId(), candidate);
        Instant discovered = Instant.now().minusSeconds(60);
        readSide.deployments.add(new DeploymentView(SLOT, UseCase.NARRATOR, WORLD, STABLE, null,
                discovered.plusSeconds(1), discovered.plusSeconds(1)));
        log(action(WORLD, "I open the door"));

        discover(CANDIDATE, "openai", ModelKind.CHAT, discovered);

        assertThat(candidate.prompts).isEmpty();
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void aSlotWithARolloutInProgressIsLeftAlone() throws Exception {
        ScriptedModel candidate = ScriptedModel.answering(GOOD, 10, 10);
        runnable.put(CANDIDATE.modelId(), candidate);
        readSide.deployments.add(slot(SLOT, WORLD, STABLE, new RolloutProgress("r0",
                new ModelRef("openai:gpt-4.1", "gpt-4.1"), AutoSwitchProperties.defaults().strategy(),
                RolloutPhase.SHADOW, 0, 0, false, "manual", Instant.EPOCH)));
        log(action(WORLD, "I open the door"));

        discover(CANDIDATE, "openai", ModelKind.CHAT);

        assertThat(candidate.prompts).isEmpty();
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void theSamePairIsNotDecidedTwice() throws Exception {
        runnable.put(CANDIDATE.modelId(), ScriptedModel.answering(GOOD, 10, 10));
        runnable.put(STABLE.modelId(), ScriptedModel.answering(GOOD, 10, 10));
        readSide.deployments.add(slot(SLOT, WORLD, STABLE, null));
        log(action(WORLD, "I open the door"));

        discover(CANDIDATE, "openai", ModelKind.CHAT);
        discover(CANDIDATE, "openai", ModelKind.CHAT); // redelivered

        assertThat(commands.sent(DecideAutoSwitch.class)).hasSize(1);
    }

    @Test
    void aPairDecidedInTheLogIsNotDecidedAgain() throws Exception {
        ScriptedModel candidate = ScriptedModel.answering(GOOD, 10, 10);
        runnable.put(CANDIDATE.modelId(), candidate);
        runnable.put(STABLE.modelId(), ScriptedModel.answering(GOOD, 10, 10));
        readSide.deployments.add(slot(SLOT, WORLD, STABLE, null));
        ArmMetrics none = new ArmMetrics(0, 0, 0, 0, 0, null, BigDecimal.ZERO);
        log(action(WORLD, "I open the door"), new AutoSwitchDecided(SLOT, CANDIDATE, STABLE, false, "not switching",
                none, none, AutoSwitchProperties.defaults().policy(), null, "system"));

        discover(CANDIDATE, "openai", ModelKind.CHAT);

        assertThat(candidate.prompts).isEmpty();
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void aDecisionHandledBeforeMakesThePairDecided() throws Exception {
        runnable.put(CANDIDATE.modelId(), ScriptedModel.answering(GOOD, 10, 10));
        readSide.deployments.add(slot(SLOT, WORLD, STABLE, null));
        ArmMetrics none = new ArmMetrics(0, 0, 0, 0, 0, null, BigDecimal.ZERO);
        runner.on(new AutoSwitchDecided(SLOT, CANDIDATE, STABLE, true, "switching", none, none,
                AutoSwitchProperties.defaults().policy(), "r1", "system"));

        discover(CANDIDATE, "openai", ModelKind.CHAT);

        assertThat(commands.sent).isEmpty();
    }

    @Test
    void aCandidateWhoseCallsFailIsEvaluatedAtAnErrorRateOfOneAndStillDecided() throws Exception {
        runnable.put(CANDIDATE.modelId(), ScriptedModel.failing());
        runnable.put(STABLE.modelId(), ScriptedModel.answering(GOOD, 10, 10));
        readSide.deployments.add(slot(SLOT, WORLD, STABLE, null));
        log(action(WORLD, "I open the door"), action(WORLD, "I run"));

        discover(CANDIDATE, "openai", ModelKind.CHAT);

        RecordModelEvaluation evaluation = commands.sent(RecordModelEvaluation.class).getFirst();
        assertThat(evaluation.modelId()).isEqualTo(CANDIDATE.modelId());
        assertThat(evaluation.metrics()).containsEntry("errorRate", 1.0).containsEntry("quality", 1.0)
                .containsEntry("costPerBeat", 0.0).containsEntry("samples", 2.0);
        DecideAutoSwitch decision = commands.sent(DecideAutoSwitch.class).getFirst();
        assertThat(decision.candidateEvaluation().errorRate()).isEqualTo(1.0);
        assertThat(decision.stableEvaluation().errorRate()).isEqualTo(0.0);
        assertThat(decision.stableEvaluation().rating()).isEqualTo(5.0);
        // The aggregate refuses the switch by the policy (rating 1 against 5), recording why.
        assertThat(decision.policy().assess(decision.candidateEvaluation(), decision.stableEvaluation()).switching())
                .isFalse();
    }

    @Test
    void aCandidateNothingCanRunIsEvaluatedAsFailingEveryCall() throws Exception {
        runnable.put(STABLE.modelId(), ScriptedModel.answering(GOOD, 10, 10));
        readSide.deployments.add(slot(SLOT, WORLD, STABLE, null));
        log(action(WORLD, "I open the door"));

        discover(CANDIDATE, "openai", ModelKind.CHAT);

        assertThat(commands.sent(DecideAutoSwitch.class).getFirst().candidateEvaluation().errorRate()).isEqualTo(1.0);
    }

    private void discover(ModelRef ref, String provider, ModelKind kind) throws Exception {
        discover(ref, provider, kind, Instant.now());
    }

    private void discover(ModelRef ref, String provider, ModelKind kind, Instant at) throws Exception {
        runner.on(new ModelRegistered(ref.modelId(), spec(provider, kind, price("1", "2")), ModelSource.PAID_API,
                "discovery:" + provider, "system"), at);
        runner.on(new ModelVersionAdded(ref.modelId(), ref.version(), null, null, null, "system"));
        runner.awaitIdle();
    }

    private void log(Object... payloads) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            messages.add(GenericEventMessage.asEventMessage(payload));
        }
        events.publish(messages);
    }

    private static PlayerActionSubmitted action(String worldId, String text) {
        return new PlayerActionSubmitted("story-" + worldId, worldId, "beat-" + text.hashCode(), "p1", text);
    }

    private static DeploymentView slot(String deploymentId, String worldId, ModelRef stable, RolloutProgress rollout) {
        return new DeploymentView(deploymentId, UseCase.NARRATOR, worldId, stable, rollout, Instant.EPOCH, Instant.EPOCH);
    }

    private static TokenPrice price(String input, String output) {
        return new TokenPrice(new BigDecimal(input), new BigDecimal(output), TokenPrice.USD);
    }

    private static ModelSpec spec(String provider, ModelKind kind, TokenPrice price) {
        return new ModelSpec(provider, provider + "-model", kind, List.of(), 128_000, price, "proprietary");
    }

    private static ModelView model(String modelId, String provider, ModelKind kind, TokenPrice price) {
        return new ModelView(modelId, spec(provider, kind, price), ModelSource.PAID_API, "discovery:" + provider,
                ModelStatus.ACTIVE, null, List.of(), "system", null, Instant.EPOCH, Instant.EPOCH);
    }
}
