package io.storyteller.command.narration;

import static io.storyteller.command.narration.ScriptedChatModel.chunk;
import static io.storyteller.command.narration.ScriptedChatModel.last;
import static io.storyteller.command.narration.StoryFixtures.STORY;
import static io.storyteller.command.narration.StoryFixtures.WORLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.command.healing.HealingActions;
import io.storyteller.command.narration.context.AggregateStreams;
import io.storyteller.command.narration.context.ContextAssembler;
import io.storyteller.command.narration.failover.Failover;
import io.storyteller.command.narration.failover.FailoverLog;
import io.storyteller.command.narration.failover.FailoverProperties;
import io.storyteller.command.narration.failover.HouseFallback;
import io.storyteller.command.narration.pipeline.CandidateJudge;
import io.storyteller.command.narration.pipeline.HarmGuard;
import io.storyteller.command.narration.routing.Routes;
import io.storyteller.command.runtime.ModelRuntimes;
import io.storyteller.command.runtime.ModelUnavailableException;
import io.storyteller.command.slot.ArmChoice;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutRoute;
import io.storyteller.domain.healing.HealingKind;
import io.storyteller.domain.healing.HealingOutcome;
import io.storyteller.domain.healing.RecordHealingAction;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.story.CandidateOutcome;
import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.RecordNarration;
import io.storyteller.domain.story.RecordNarrationFailure;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import reactor.core.publisher.Flux;

/**
 * A turn whose narrator's provider is down fails over, on a real Axon command and query bus: to the
 * other arm of the deployment, then to the world's house narrator; the provenance keeps the failed
 * candidate and names the failover, and the failover is recorded as a healing action. Anything but
 * an outage fails (or is refused) as before.
 */
class NarrationFailoverTest {

    static final String DEPLOYMENT = "narrator:world:" + WORLD;
    static final ModelRef STABLE = new ModelRef("scribe:stable", "1");
    static final ModelRef CANDIDATE = new ModelRef("scribe:candidate", "2");
    static final String ROLLOUT = "r-1";
    static final PlayerActionSubmitted ACTION = new PlayerActionSubmitted(STORY, WORLD, "a-1", "alice", "I wake the dragon");

    final FakeReadModel readModel = new FakeReadModel();
    final AggregateStreams streams = StoryFixtures.streams();
    final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    final SimpleQueryBus queryBus = SimpleQueryBus.builder().queryUpdateEmitter(emitter).build();
    final QueryGateway queryGateway = DefaultQueryGateway.builder().queryBus(queryBus).build();
    final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    final List<Object> commands = new CopyOnWriteArrayList<>();
    final List<RecordHealingAction> healed = new CopyOnWriteArrayList<>();
    final Map<ModelRef, ChatModel> deployed = new ConcurrentHashMap<>();
    final ModelRuntimes runtimes = ref -> {
        ChatModel model = deployed.get(ref);
        if (model == null) {
            throw new ModelUnavailableException("model " + ref.label() + " is not available: not in this test");
        }
        return model;
    };

    final ScriptedChatModel stable = ScriptedChatModel.streaming("stable", chunk("The dragon "), chunk("sleeps on."),
            last("", "stable", 50, 4));
    final ScriptedChatModel candidate = ScriptedChatModel.streaming("candidate", chunk("Candidate "), chunk("words."),
            last("", "candidate", 50, 2));
    final ScriptedChatModel house = ScriptedChatModel.streaming("house:w-1:v3", chunk("The house "), chunk("remembers."),
            last("", "house:w-1:v3", 30, 3));
    final ScriptedChatModel refused = down(new ConnectException("Connection refused"));

    @BeforeEach
    void wire() {
        StoryFixtures.act(streams, ACTION);
        new AnnotationQueryHandlerAdapter<>(readModel).subscribe(queryBus);
        for (Class<?> command : List.of(RecordNarration.class, RecordNarrationFailure.class)) {
            commandBus.subscribe(command.getName(), this::handleCommand);
        }
        commandBus.subscribe(RecordHealingAction.class.getName(), message -> {
            healed.add((RecordHealingAction) message.getPayload());
            return null;
        });
        deployed.put(STABLE, stable);
        deployed.put(CANDIDATE, candidate);
    }

    @Test
    void aCanaryWhoseProviderIsDownGivesWayToTheStableArm() throws Exception {
        deployed.put(CANDIDATE, refused);
        readModel.route = new NarratorRoute(DEPLOYMENT, STABLE, canary(100));

        NarrationEngineTest.handle(engine(true, worldId -> house), ACTION);

        RecordNarration recorded = (RecordNarration) single();
        assertThat(recorded.text()).isEqualTo("The dragon sleeps on.");
        assertThat(recorded.provenance().model()).isEqualTo(STABLE.modelId());
        assertThat(recorded.provenance().arm()).isEqualTo(NarrationArm.STABLE);
        assertThat(recorded.provenance().rolloutId()).isEqualTo(ROLLOUT);
        assertThat(recorded.provenance().selection()).startsWith("failover: narrator deployment " + DEPLOYMENT + " CANARY arm")
                .contains("could not reach the provider").contains("STABLE arm (" + STABLE.label() + ") answered instead");
        assertThat(recorded.provenance().candidates()).first().satisfies(failed -> {
            assertThat(failed.arm()).isEqualTo(NarrationArm.CANARY);
            assertThat(failed.failure()).isEqualTo("could not reach the provider");
            assertThat(failed.outcome()).isEqualTo(CandidateOutcome.FAILED);
        });
        assertThat(recorded.provenance().candidates()).extracting(c -> c.index()).doesNotHaveDuplicates();
        assertThat(recorded.provenance().candidates()).anySatisfy(chosen -> {
            assertThat(chosen.arm()).isEqualTo(NarrationArm.STABLE);
            assertThat(chosen.outcome()).isEqualTo(CandidateOutcome.CHOSEN);
        });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(healed).singleElement().satisfies(action -> {
            assertThat(action.kind()).isEqualTo(HealingKind.FAILOVER);
            assertThat(action.outcome()).isEqualTo(HealingOutcome.HEALED);
            assertThat(action.subject()).contains(DEPLOYMENT).contains("CANARY");
            assertThat(action.occurrences()).isEqualTo(1);
        }));
        assertThat(house.lastPrompt).isNull();
    }

    @Test
    void aStableArmWhoseProviderAnswers503GivesWayToTheCandidateServingTheCanary() throws Exception {
        deployed.put(STABLE, down(new TransientAiException("HTTP 503 - Service Unavailable")));
        readModel.route = new NarratorRoute(DEPLOYMENT, STABLE, canary(0));

        NarrationEngineTest.handle(engine(true, worldId -> house), ACTION);

        RecordNarration recorded = (RecordNarration) single();
        assertThat(recorded.text()).isEqualTo("Candidate words.");
        assertThat(recorded.provenance().arm()).isEqualTo(NarrationArm.CANARY);
        assertThat(recorded.provenance().candidates()).first()
                .satisfies(failed -> assertThat(failed.failure()).isEqualTo("provider answered 503 Service Unavailable"));
    }

    @Test
    void withBothArmsDownTheWorldsHouseNarratorAnswers() throws Exception {
        deployed.put(CANDIDATE, refused);
        deployed.put(STABLE, down(new TransientAiException("HTTP 429 - Too Many Requests")));
        readModel.route = new NarratorRoute(DEPLOYMENT, STABLE, canary(100));

        NarrationEngineTest.handle(engine(true, worldId -> house), ACTION);

        RecordNarration recorded = (RecordNarration) single();
        assertThat(recorded.text()).isEqualTo("The house remembers.");
        assertThat(recorded.provenance().deploymentId()).isNull();
        assertThat(recorded.provenance().selection()).startsWith("failover: ").contains("narrator house:w-1:v3 answered instead");
        assertThat(recorded.provenance().candidates()).extracting(c -> c.arm())
                .containsSubsequence(NarrationArm.CANARY, NarrationArm.STABLE, null);
    }

    @Test
    void aRequestTheProviderRefusedAsMalformedFailsWithoutFailover() throws Exception {
        deployed.put(CANDIDATE, down(new NonTransientAiException("HTTP 400 - Bad Request")));
        readModel.route = new NarratorRoute(DEPLOYMENT, STABLE, canary(100));

        NarrationEngineTest.handle(engine(true, worldId -> house), ACTION);

        assertThat(((RecordNarrationFailure) single()).reason()).isEqualTo("provider answered 400 Bad Request");
        assertThat(stable.lastPrompt).isNull();
        assertThat(house.lastPrompt).isNull();
    }

    @Test
    void aGuardrailRefusalIsNeverHiddenByAFailover() throws Exception {
        readModel.route = new NarratorRoute(DEPLOYMENT, STABLE, canary(100));
        HarmGuard refusingAll = (worldId, rating, text, source) -> new HarmVerdict("test:guard", "1",
                Map.of("violence", 3), false, List.of("violence"));

        NarrationEngineTest.handle(engine(true, worldId -> house, Checks.judging(refusingAll), refusingAll), ACTION);

        assertThat(single()).isInstanceOf(RecordNarrationFailure.class);
        assertThat(stable.lastPrompt).isNull();
        assertThat(house.lastPrompt).isNull();
    }

    @Test
    void switchedOffAnOutageFailsTheTurnAsBefore() throws Exception {
        deployed.put(CANDIDATE, refused);
        readModel.route = new NarratorRoute(DEPLOYMENT, STABLE, canary(100));

        NarrationEngineTest.handle(engine(false, worldId -> house), ACTION);

        assertThat(((RecordNarrationFailure) single()).reason()).isEqualTo("could not reach the provider");
        assertThat(stable.lastPrompt).isNull();
    }

    private static ScriptedChatModel down(Exception failure) {
        return new ScriptedChatModel("down", prompt -> Flux.<ChatResponse>error(failure));
    }

    /** A canary whose share puts this story on the candidate at 100 and on the stable model at 0. */
    private static RolloutRoute canary(int weight) {
        assertThat(ArmChoice.bucket(STORY, ROLLOUT)).isBetween(0, 99);
        return new RolloutRoute(ROLLOUT, CANDIDATE, RolloutPhase.CANARY, weight);
    }

    private NarrationEngine engine(boolean enabled, HouseFallback fallback) {
        return engine(enabled, fallback, Checks.passing(), Checks.ALLOWING);
    }

    private NarrationEngine engine(boolean enabled, HouseFallback fallback, CandidateJudge judge, HarmGuard guard) {
        NarrationProperties properties = NarrationProperties.defaults();
        DefaultCommandGateway gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
        FailoverLog log = new FailoverLog(new HealingActions(gateway), FailoverProperties.defaults(), Clock.systemUTC());
        return new NarrationEngine(StoryFixtures.contexts(streams), new ContextAssembler(properties.promptSettings()),
                new Routes(queryGateway, properties.timeout()),
                new Recall(queryGateway, properties.timeout(), properties.recentBeats()), worldId -> {
                    throw new AssertionError("a deployment serves this world: the configured narrator must not be asked");
                }, runtimes, new Narrator(properties), judge, guard, queryGateway, new NarrationProgress(emitter),
                gateway, BudgetFixtures.none(queryGateway), new Failover(enabled, fallback, log));
    }

    private Object handleCommand(CommandMessage<?> message) {
        commands.add(message.getPayload());
        return null;
    }

    private Object single() {
        assertThat(commands).hasSize(1);
        return commands.getFirst();
    }
}
