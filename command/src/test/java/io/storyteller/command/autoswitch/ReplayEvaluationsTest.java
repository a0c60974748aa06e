package io.storyteller.command.autoswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.runtime.ModelUnavailableException;
import io.storyteller.command.support.RecordingCommandGateway;
import io.storyteller.domain.model.EvaluateModelByReplay;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelStatus;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.RecordModelEvaluation;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.story.FindRecentPlayerActions;
import io.storyteller.domain.story.RecordedPlayerAction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;

class ReplayEvaluationsTest {

    static final ModelRef STABLE = new ModelRef("openai:gpt-4o-mini", "gpt-4o-mini");
    static final ModelRef CANDIDATE = new ModelRef("openai:gpt-5", "gpt-5-2026-01-01");
    static final String GOOD = "The door creaks open onto a hall of dust and moonlight. Something stirs in the dark.";
    static final String EVALUATION = "pair/candidate/1";

    final ReadSide readSide = new ReadSide();
    final RecordingCommandGateway commands = new RecordingCommandGateway();
    final Map<String, ChatModel> runnable = new HashMap<>();
    ReplayEvaluations replays;

    @BeforeEach
    void setUp() {
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(readSide).subscribe(queryBus);
        replays = new ReplayEvaluations(AutoSwitchProperties.defaults(), this::chatModelFor,
                DefaultQueryGateway.builder().queryBus(queryBus).build(), commands);
        readSide.models.add(model(STABLE.modelId(), price("0.15", "0.60")));
        readSide.models.add(model(CANDIDATE.modelId(), price("1", "2")));
        readSide.actions.addAll(List.of(action("w1", "I open the door"), action("w2", "elsewhere"),
                action("w1", "I light a torch"), action("w1", "I call out")));
    }

    @AfterEach
    void tearDown() {
        replays.close();
    }

    private ChatModel chatModelFor(ModelRef ref) {
        ChatModel model = runnable.get(ref.modelId());
        if (model == null) {
            throw new ModelUnavailableException("no runtime for " + ref.label());
        }
        return model;
    }

    private void evaluate(ModelRef model, String worldId) throws Exception {
        replays.handle(new EvaluateModelByReplay(model, worldId, EVALUATION, Actor.system()));
        replays.awaitIdle();
    }

    @Test
    void replaysTheWorldsRecentActionsAndRecordsTheResultUnderTheEvaluationId() throws Exception {
        ScriptedModel candidate = ScriptedModel.answering(GOOD, 100, 50);
        runnable.put(CANDIDATE.modelId(), candidate);

        evaluate(CANDIDATE, "w1");

        assertThat(readSide.asked).containsExactly(new FindRecentPlayerActions("w1", 12, Actor.system()));
        assertThat(candidate.prompts).hasSize(3);
        assertThat(candidate.prompts.getFirst().getInstructions().getFirst().getText()).contains("Ashfall");
        assertThat(candidate.prompts.getFirst().getInstructions().getLast().getText()).isEqualTo("I open the door");
        RecordModelEvaluation recorded = commands.sent(RecordModelEvaluation.class).getFirst();
        assertThat(recorded.modelId()).isEqualTo(CANDIDATE.modelId());
        assertThat(recorded.version()).isEqualTo(CANDIDATE.version());
        assertThat(recorded.suite()).isEqualTo("narration-replay");
        assertThat(recorded.evaluationId()).isEqualTo(EVALUATION);
        assertThat(recorded.actor()).isEqualTo(Actor.system());
        // (100 x 1 + 50 x 2) / 1,000,000 USD per beat
        assertThat(recorded.metrics()).containsEntry("errorRate", 0.0).containsEntry("quality", 5.0)
                .containsEntry("samples", 3.0).containsEntry("costPerBeat", 0.0002).containsKey("latencyP95Millis");
    }

    @Test
    void theGlobalSlotsReplayReadsAllWorlds() throws Exception {
        ScriptedModel stable = ScriptedModel.answering("and then", 100, 50);
        runnable.put(STABLE.modelId(), stable);

        evaluate(STABLE, null);

        assertThat(stable.prompts).hasSize(4);
        assertThat(commands.sent(RecordModelEvaluation.class).getFirst().metrics()).containsEntry("quality", 1.0)
                .containsEntry("costPerBeat", 0.000045);
    }

    @Test
    void aModelWhoseCallsFailIsEvaluatedAtAnErrorRateOfOne() throws Exception {
        runnable.put(CANDIDATE.modelId(), ScriptedModel.failing());

        evaluate(CANDIDATE, "w1");

        assertThat(commands.sent(RecordModelEvaluation.class).getFirst().metrics()).containsEntry("errorRate", 1.0)
                .containsEntry("quality", 1.0).containsEntry("costPerBeat", 0.0).containsEntry("samples", 3.0);
    }

    @Test
    void aModelNothingCanRunIsEvaluatedAsFailingEveryCall() throws Exception {
        evaluate(CANDIDATE, "w1");

        assertThat(commands.sent(RecordModelEvaluation.class).getFirst().metrics()).containsEntry("errorRate", 1.0);
    }

    @Test
    void aModelNotInTheRegistryYetIsNotJudgedAtAGuessedPrice() throws Exception {
        runnable.put("openai:gpt-6", ScriptedModel.answering(GOOD, 10, 10));

        evaluate(new ModelRef("openai:gpt-6", "1"), "w1");

        assertThat(commands.sent).isEmpty();
    }

    @Test
    void theCommandIsAcceptedBeforeTheReplayRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        runnable.put(CANDIDATE.modelId(), new ScriptedModel(prompt -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScriptedModel.answering(GOOD, 1, 1).call(prompt);
        }));
        long started = System.nanoTime();

        replays.handle(new EvaluateModelByReplay(CANDIDATE, "w1", EVALUATION, Actor.system()));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(commands.sent).isEmpty();
        release.countDown();
        replays.awaitIdle();
        assertThat(commands.sent(RecordModelEvaluation.class)).hasSize(1);
    }

    @Test
    void onlyThoseWhoManageModelsMayAskAndTheRequestNamesItsEvaluation() {
        assertThatThrownBy(() -> replays.handle(new EvaluateModelByReplay(CANDIDATE, "w1", EVALUATION,
                new Actor("pia", Set.of(PlatformRole.PLAYER))))).isInstanceOf(DomainRejection.class);
        assertThatThrownBy(() -> replays.handle(new EvaluateModelByReplay(CANDIDATE, "w1", " ", Actor.system())))
                .isInstanceOf(DomainRejection.class).hasMessageContaining("evaluationId");
    }

    private static RecordedPlayerAction action(String worldId, String text) {
        return new RecordedPlayerAction(worldId, "w1".equals(worldId) ? "Ashfall" : null, "story-" + worldId,
                "beat-" + text.hashCode(), text, Instant.EPOCH);
    }

    private static TokenPrice price(String input, String output) {
        return new TokenPrice(new BigDecimal(input), new BigDecimal(output), TokenPrice.USD);
    }

    private static ModelView model(String modelId, TokenPrice price) {
        return new ModelView(modelId, new ModelSpec("openai", "openai-model", ModelKind.CHAT, List.of(), 128_000, price,
                "proprietary"), ModelSource.PAID_API, "discovery:openai", ModelStatus.ACTIVE, null, List.of(), "system",
                null, Instant.EPOCH, Instant.EPOCH);
    }
}
