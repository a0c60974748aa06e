package io.storyteller.command.narration;

import static io.storyteller.command.narration.ScriptedChatModel.chunk;
import static io.storyteller.command.narration.ScriptedChatModel.last;
import static io.storyteller.command.narration.StoryFixtures.STORY;
import static io.storyteller.command.narration.StoryFixtures.WORLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.narration.context.AggregateStreams;
import io.storyteller.command.narration.context.AssembledPrompt;
import io.storyteller.command.narration.context.ContextAssembler;
import io.storyteller.command.narration.failover.Failover;
import io.storyteller.command.narration.context.TokenEstimate;
import io.storyteller.command.narration.failure.CannotNarrateException;
import io.storyteller.command.narration.routing.Routes;
import io.storyteller.command.runtime.ConfiguredRuntime;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.story.NarrationRetryRequested;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.RecordNarration;
import io.storyteller.domain.story.RecordNarrationFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;

/** The engine on a real Axon command bus, query bus and update emitter; only the model and read side are scripted. */
class NarrationEngineTest {

    static final PlayerActionSubmitted ACTION = new PlayerActionSubmitted(STORY, WORLD, "a-1", "alice", "I wake the dragon");

    final FakeReadModel readModel = new FakeReadModel();
    final AggregateStreams streams = StoryFixtures.streams();
    final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    final SimpleQueryBus queryBus = SimpleQueryBus.builder().queryUpdateEmitter(emitter).build();
    final QueryGateway queryGateway = DefaultQueryGateway.builder().queryBus(queryBus).build();
    final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    final List<Object> commands = new CopyOnWriteArrayList<>();
    Function<Object, Object> commandOutcome = command -> null;

    @BeforeEach
    void wire() {
        new AnnotationQueryHandlerAdapter<>(readModel).subscribe(queryBus);
        commandBus.subscribe(RecordNarration.class.getName(), this::handleCommand);
        commandBus.subscribe(RecordNarrationFailure.class.getName(), this::handleCommand);
        StoryFixtures.addLore(streams, StoryFixtures.lore("l-dragon", "The dragon", "Vermax sleeps under the city.", 0, false, "dragon"));
        StoryFixtures.act(streams, ACTION);
    }

    @Test
    void recordsTheNarrationWithItsProvenance() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.streaming("fake-model",
                chunk("The dragon "), chunk("opens one eye."), last("", "fake-model-2025", 120, 7));

        handle(engine(model), ACTION);

        RecordNarration recorded = (RecordNarration) single();
        assertThat(recorded.storyId()).isEqualTo(STORY);
        assertThat(recorded.requestId()).isEqualTo("a-1");
        assertThat(recorded.text()).isEqualTo("The dragon opens one eye.");
        assertThat(recorded.narrationBeatId()).isNotBlank();
        assertThat(recorded.provenance().model()).isEqualTo("fake-model-2025");
        assertThat(recorded.provenance().promptTokens()).isEqualTo(120);
        assertThat(recorded.provenance().completionTokens()).isEqualTo(7);
        assertThat(recorded.provenance().loreEntryIds()).containsExactly("l-dragon");
        assertThat(recorded.provenance().promptDigest()).hasSize(64);
        assertThat(recorded.provenance().latencyMillis()).isNotNegative();
        assertThat(model.lastPrompt.getInstructions().getLast().getText()).isEqualTo("I wake the dragon");
        assertThat(AssembledPrompt.render(model.lastPrompt.getInstructions())).contains("Emberfall",
                "Vermax sleeps under the city.");
    }

    @Test
    void recordsAModelsAnswerCleanedOfWhatNoStoreTakes() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.streaming("fake-model",
                chunk("The dra\u0000gon "), chunk("opens \uD800one eye\u001b.\uFFFF"), last("", "fake-model-2025", 120, 7));

        handle(engine(model), ACTION);

        assertThat(((RecordNarration) single()).text()).isEqualTo("The dragon opens \uFFFDone eye.");
    }

    @Test
    void namesTheBeatAlikeOnRedeliveryAndEstimatesMissingUsage() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.streaming("house:emberfall:v3", chunk("Smoke rises."));
        NarrationEngine engine = engine(model);

        handle(engine, ACTION);
        handle(engine, ACTION);

        RecordNarration first = (RecordNarration) commands.get(0);
        assertThat(((RecordNarration) commands.get(1)).narrationBeatId()).isEqualTo(first.narrationBeatId());
        assertThat(first.provenance().model()).isEqualTo("house:emberfall:v3");
        assertThat(first.provenance().modelVersion()).isEqualTo("3");
        assertThat(first.provenance().promptTokens()).isPositive();
        assertThat(first.provenance().completionTokens()).isEqualTo(TokenEstimate.of("Smoke rises."));
    }

    @Test
    void retriesIntoTheRetriedBeat() throws Exception {
        StoryFixtures.narrated(streams, "a-1", "n-1", "It sleeps on.");
        ScriptedChatModel model = ScriptedChatModel.streaming("fake", chunk("It roars."));

        handle(engine(model), new NarrationRetryRequested(STORY, WORLD, "r-1", "a-1", "n-1", "alice"));

        RecordNarration recorded = (RecordNarration) single();
        assertThat(recorded.requestId()).isEqualTo("r-1");
        assertThat(recorded.narrationBeatId()).isEqualTo("n-1");
        assertThat(AssembledPrompt.render(model.lastPrompt.getInstructions())).doesNotContain("It sleeps on.");
    }

    @Test
    void recordsAFailureWithoutTheExceptionsMessage() throws Exception {
        handle(engine(failing(new IllegalStateException("rejected key sk-secret-123"))), ACTION);

        RecordNarrationFailure failure = (RecordNarrationFailure) single();
        assertThat(failure.requestId()).isEqualTo("a-1");
        assertThat(failure.reason()).isEqualTo("narrator failed (IllegalStateException)");
        assertThat(failure.model()).isEqualTo("fake");
    }

    @Test
    void namesTheStatusAProviderAnswered() throws Exception {
        byte[] body = "{\"error\":\"quota for sk-secret-123\"}".getBytes(StandardCharsets.UTF_8);
        handle(engine(failing(WebClientResponseException.create(429, "Too Many Requests", HttpHeaders.EMPTY, body,
                StandardCharsets.UTF_8))), ACTION);

        assertThat(((RecordNarrationFailure) single()).reason()).isEqualTo("provider answered 429 Too Many Requests");
    }

    @Test
    void givesUpAfterTheTimeout() throws Exception {
        NarrationProperties quick = new NarrationProperties(Duration.ofMillis(300), 2048, 4, 40, 0.8, null, 400, 1000);

        handle(engine(new ScriptedChatModel("slow", prompt -> Flux.never()), quick), ACTION);

        assertThat(((RecordNarrationFailure) single()).reason()).isEqualTo("narrator timed out after 300 ms");
    }

    @Test
    void failsOnAnEmptyAnswer() throws Exception {
        handle(engine(ScriptedChatModel.streaming("fake", chunk("  "), last("", "fake", 3, 0))), ACTION);

        assertThat(((RecordNarrationFailure) single()).reason()).isEqualTo("narrator returned no text");
    }

    @Test
    void failsWhenNoNarratorServesTheWorld() throws Exception {
        ConfiguredRuntime none = worldId -> {
            throw new CannotNarrateException("world w-1 has no house model yet");
        };
        handle(engineWith(none, NarrationProperties.defaults()), ACTION);

        assertThat(((RecordNarrationFailure) single()).reason()).isEqualTo("world w-1 has no house model yet");
    }

    @Test
    void failsWhenTheWorldIsUnknown() throws Exception {
        handle(engine(ScriptedChatModel.streaming("fake", chunk("x"))),
                new PlayerActionSubmitted(STORY, "w-unknown", "a-2", "alice", "I look around"));

        assertThat(((RecordNarrationFailure) single()).reason()).isEqualTo("world w-unknown is not known to the narrator");
    }

    @Test
    void cutsAnOverlongNarrationBeforeASurrogatePairNotThroughIt() throws Exception {
        String upToTheLimit = "a".repeat(NarrationRecords.MAX_NARRATION_LENGTH - 1);

        handle(engine(ScriptedChatModel.streaming("fake", chunk(upToTheLimit + "😀 and on"))), ACTION);

        assertThat(((RecordNarration) single()).text()).isEqualTo(upToTheLimit);
    }

    @Test
    void callsModelsThatCannotStream() throws Exception {
        ChatModel callOnly = prompt -> last("A single answer.", "call-only", 10, 3);

        handle(engine(callOnly, NarrationProperties.defaults()), ACTION);

        assertThat(((RecordNarration) single()).text()).isEqualTo("A single answer.");
    }

    @Test
    void ignoresARequestThatIsNoLongerPending() throws Exception {
        commandOutcome = command -> {
            throw DomainRejection.conflict("requestId", "pending", "no narration request a-1 is pending");
        };

        handle(engine(ScriptedChatModel.streaming("fake", chunk("Again."))), ACTION);

        assertThat(single()).isInstanceOf(RecordNarration.class);
    }

    @Test
    void propagatesOtherRejections() {
        commandOutcome = command -> {
            throw DomainRejection.notFound("storyId", "no story s-1");
        };

        assertThatThrownBy(() -> handle(engine(ScriptedChatModel.streaming("fake", chunk("Hi."))), ACTION))
                .isInstanceOf(DomainRejection.class);
    }

    NarrationEngine engine(ChatModel model) {
        return engine(model, NarrationProperties.defaults());
    }

    NarrationEngine engine(ChatModel model, NarrationProperties properties) {
        return engineWith(worldId -> model, properties);
    }

    NarrationEngine engineWith(ConfiguredRuntime narrators, NarrationProperties properties) {
        return new NarrationEngine(StoryFixtures.contexts(streams),
                new ContextAssembler(properties.promptSettings()), new Routes(queryGateway, properties.timeout()),
                new Recall(queryGateway, properties.timeout(), properties.recentBeats()), narrators, NarrationEngineTest::noDeployedModels,
                new Narrator(properties), Checks.passing(), Checks.ALLOWING, queryGateway, new NarrationProgress(emitter),
                DefaultCommandGateway.builder().commandBus(commandBus).build(), BudgetFixtures.none(queryGateway), Failover.off());
    }

    /** Without a deployment, no model version is ever asked for. */
    static ChatModel noDeployedModels(ModelRef ref) {
        throw new AssertionError("no deployment routes here, yet " + ref.label() + " was asked for");
    }

    /** Delivers the event the way an event processor does: through the annotated handler, in a unit of work. */
    static void handle(NarrationEngine engine, Object event) throws Exception {
        EventMessage<?> message = GenericEventMessage.asEventMessage(event);
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(engine);
        ResultMessage<?> result = DefaultUnitOfWork.startAndGet(message).executeWithResult(() -> adapter.handle(message));
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
    }

    static ScriptedChatModel failing(RuntimeException failure) {
        return new ScriptedChatModel("fake", prompt -> Flux.<ChatResponse>error(failure));
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
