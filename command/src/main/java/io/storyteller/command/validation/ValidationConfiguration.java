package io.storyteller.command.validation;

import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.narration.NarrationProperties;
import io.storyteller.command.narration.context.ContextAssembler;
import io.storyteller.command.narration.context.RecordedContexts;
import io.storyteller.command.narration.pipeline.CandidateJudge;
import io.storyteller.command.narration.pipeline.DownloadedGuardrailLabels;
import io.storyteller.command.narration.pipeline.DownloadedGuardrailProperties;
import io.storyteller.command.runtime.ModelRuntimes;
import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.story.FindRecentPlayerActions;
import io.storyteller.domain.story.RecordedPlayerAction;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The validator: recorded turns from the event store, the pipeline's judge, the house classifiers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ValidationProperties.class)
public class ValidationConfiguration {

    @Bean
    RecordedContexts recordedContexts(EventStore events, NarrationProperties narration) {
        return new RecordedContexts(events, narration.recentBeats());
    }

    /** Replayed calls run on virtual threads, so that a hung call is abandoned at its timeout without holding a thread. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService validationCalls() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    CandidateValidations candidateValidations(ValidationProperties properties, RecordedContexts contexts,
            EventStore events, ContextAssembler assembler, CandidateJudge judge, ModelRuntimes runtimes,
            ObjectProvider<HouseClassifiers> classifiers, LocalOnnxModels downloaded, DownloadedGuardrailProperties guardrailLabels,
            StageSlots slots, QueryGateway queries, CommandGateway commands,
            @Qualifier("validationCalls") ExecutorService calls,
            @Value("${storyteller.data-dir:./data}") Path dataDirectory) {
        Requests requests = new Requests(properties.requestTimeout());
        SuiteRunner.RecentActions actions = (worldId, limit) -> requests.await(queries.query(
                new FindRecentPlayerActions(worldId, limit, Actor.system()),
                ResponseTypes.multipleInstancesOf(RecordedPlayerAction.class)));
        TurnReplay replay = new TurnReplay(calls, properties.callTimeout());
        SuiteRunner runner = new SuiteRunner(actions, new RecordedTurns(contexts, assembler),
                new ReplaySuite(replay, judge), replay, runtimes,
                model -> requests.await(queries.query(new FindModels(null, null, null, Actor.system()),
                                ResponseTypes.multipleInstancesOf(ModelView.class))).stream()
                        .filter(view -> view.modelId().equals(model.modelId()) && view.spec() != null
                                && view.spec().price() != null)
                        .map(view -> view.spec().price()).findFirst().orElse(TokenPrice.zero()),
                new SuiteClassifiers(classifiers.getIfAvailable(), downloaded, new DownloadedGuardrailLabels(guardrailLabels)),
                new LabelledDataset(dataDirectory));
        return new CandidateValidations(runner, new SuiteDefinitions(events), slots, requests, commands, properties.threads());
    }
}
