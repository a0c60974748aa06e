package io.storyteller.command.narration;

import static io.storyteller.command.narration.ScriptedChatModel.chunk;
import static io.storyteller.command.narration.ScriptedChatModel.last;
import static io.storyteller.command.narration.StoryFixtures.STORY;
import static io.storyteller.command.narration.StoryFixtures.WORLD;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.narration.context.AggregateStreams;
import io.storyteller.command.narration.context.ContextAssembler;
import io.storyteller.command.narration.failover.Failover;
import io.storyteller.command.narration.pipeline.HarmGuard;
import io.storyteller.command.narration.routing.Routes;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.RecordNarration;
import io.storyteller.domain.story.RecordNarrationFailure;
import io.storyteller.domain.story.StoryUpdate;
import io.storyteller.domain.story.StoryUpdateKind;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.story.WatchStory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;

/**
 * The chosen narration reaches a story's watchers after its checks and before it is recorded,
 * although the event handler runs inside a unit of work that commits only after the narration is
 * recorded; a candidate still generating, or refused, never does.
 */
class NarrationProgressTest {

    final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    final SimpleQueryBus queryBus = SimpleQueryBus.builder().queryUpdateEmitter(emitter).build();
    final QueryGateway queryGateway = DefaultQueryGateway.builder().queryBus(queryBus).build();
    final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    final BlockingQueue<StoryUpdate> updates = new LinkedBlockingQueue<>();
    final AggregateStreams streams = StoryFixtures.streams();

    @BeforeEach
    void watch() {
        new AnnotationQueryHandlerAdapter<>(new FakeReadModel()).subscribe(queryBus);
        commandBus.subscribe(RecordNarrationFailure.class.getName(), message -> null);
        SubscriptionQueryResult<StoryView, StoryUpdate> watch = queryGateway.subscriptionQuery(
                new WatchStory(STORY, Actor.system()), StoryView.class, StoryUpdate.class);
        watch.updates().subscribe(updates::add);
        // A watcher of another story must not hear this one.
        queryGateway.subscriptionQuery(new WatchStory("other", Actor.system()), StoryView.class, StoryUpdate.class)
                .updates().subscribe(update -> updates.add(new StoryUpdate("LEAKED", null, null, null, null, null)));
    }

    @Test
    void theCheckedNarrationReachesWatchersInOneUpdateBeforeItIsRecorded() throws Exception {
        AtomicReference<StoryUpdate> seenMidway = new AtomicReference<>();
        AtomicInteger shownWhenRecorded = new AtomicInteger(-1);
        commandBus.subscribe(RecordNarration.class.getName(), message -> {
            shownWhenRecorded.set(updates.size());
            return null;
        });
        ScriptedChatModel model = new ScriptedChatModel("fake", prompt -> Flux.<ChatResponse>create(sink -> {
            sink.next(chunk("The fog lifts. "));
            // Still generating: nothing unchecked may reach a watcher.
            seenMidway.set(poll());
            sink.next(last("A gull cries.", "fake", 10, 4));
            sink.complete();
        }));

        NarrationEngineTest.handle(engine(model, Checks.ALLOWING), action());

        assertThat(seenMidway.get()).isNull();
        assertThat(shownWhenRecorded.get()).isEqualTo(1);
        assertThat(poll()).isEqualTo(new StoryUpdate(STORY, StoryUpdateKind.NARRATION_PROGRESS, null, "a-1",
                "The fog lifts. A gull cries.", null));
        assertThat(updates).isEmpty();
    }

    @Test
    void aCandidateTheGuardrailRefusesNeverReachesAWatcher() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.streaming("fake", chunk("Blood everywhere. "),
                last("The end.", "fake", 10, 4));
        HarmGuard refusing = (worldId, rating, text, source) ->
                new HarmVerdict("test:guard", "1", Map.of("violence", 3), false, List.of("violence"));

        NarrationEngineTest.handle(engine(model, refusing), action());

        assertThat(updates.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    private PlayerActionSubmitted action() {
        PlayerActionSubmitted action = new PlayerActionSubmitted(STORY, WORLD, "a-1", "alice", "I listen");
        StoryFixtures.act(streams, action);
        return action;
    }

    private NarrationEngine engine(ScriptedChatModel model, HarmGuard guard) {
        NarrationProperties properties = NarrationProperties.defaults();
        return new NarrationEngine(StoryFixtures.contexts(streams),
                new ContextAssembler(properties.promptSettings()), new Routes(queryGateway, properties.timeout()),
                new Recall(queryGateway, properties.timeout(), properties.recentBeats()),
                worldId -> model, NarrationEngineTest::noDeployedModels, new Narrator(properties),
                Checks.judging(guard), guard, queryGateway, new NarrationProgress(emitter),
                DefaultCommandGateway.builder().commandBus(commandBus).build(), BudgetFixtures.none(queryGateway), Failover.off());
    }

    /** Why the engine generates off its handler's thread: Axon holds back what that thread emits. */
    @Test
    void updatesEmittedInsideAUnitOfWorkWaitForItsCommit() throws Exception {
        NarrationProgress progress = new NarrationProgress(emitter);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("event"));

        progress.chunk(STORY, "a-1", "held back");
        assertThat(updates.poll(200, TimeUnit.MILLISECONDS)).isNull();

        unitOfWork.commit();
        assertThat(poll()).extracting(StoryUpdate::chunk).isEqualTo("held back");
    }

    private StoryUpdate poll() {
        try {
            return updates.poll(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
