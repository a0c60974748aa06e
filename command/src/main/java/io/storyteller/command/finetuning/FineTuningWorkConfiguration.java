package io.storyteller.command.finetuning;

import io.storyteller.command.registry.RegistryCommands;
import io.storyteller.command.training.TrainingBackend;
import io.storyteller.domain.corpus.CorpusExportView;
import io.storyteller.domain.corpus.FindCorpusExports;
import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.shared.Actor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fine-tuning work on the application's gateways, training backends and data directory. */
@Configuration(proxyBeanMethods = false)
public class FineTuningWorkConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FineTuningWorkConfiguration.class);
    private static final long QUERY_SECONDS = 30;

    @Bean
    TrainingBackends trainingBackends(ObjectProvider<TrainingBackend> backends) {
        return new TrainingBackends(backends.orderedStream().toList());
    }

    @Bean
    FineTuningTraining fineTuningTraining(TrainingBackends backends, CommandGateway commands, QueryGateway queries,
            RegistryCommands registry, @Value("${storyteller.data-dir:./data}") Path dataDirectory) {
        return new FineTuningTraining(backends, lookups(queries), new CandidateRegistration(registry), reports(commands),
                dataDirectory);
    }

    @Bean
    FineTuningExport fineTuningExport(CommandGateway commands, QueryGateway queries) {
        return new FineTuningExport(commands::sendAndWait, lookups(queries), reports(commands), Duration.ofSeconds(1));
    }

    private static FineTuningReports reports(CommandGateway commands) {
        return command -> commands.send(command).whenComplete((result, failure) -> {
            if (failure != null) {
                log.info("Fine-tuning report {} refused: {}", command.getClass().getSimpleName(), failure.getMessage());
            }
        });
    }

    private static FineTuningLookups lookups(QueryGateway queries) {
        return new FineTuningLookups() {
            @Override
            public Optional<ModelView> model(String modelId) {
                return ask(queries.query(new FindModels(null, null, null, Actor.system()),
                        ResponseTypes.multipleInstancesOf(ModelView.class)))
                        .stream().filter(model -> model.modelId().equals(modelId)).findFirst();
            }

            @Override
            public Optional<CorpusExportView> export(String exportId) {
                return ask(queries.query(new FindCorpusExports(100, Actor.system()),
                        ResponseTypes.multipleInstancesOf(CorpusExportView.class)))
                        .stream().filter(view -> view.exportId().equals(exportId)).findFirst();
            }
        };
    }

    private static <T> List<T> ask(java.util.concurrent.CompletableFuture<List<T>> answer) {
        try {
            return answer.get(QUERY_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FineTuningWorkException("interrupted", true);
        } catch (Exception e) {
            throw new FineTuningWorkException("a query failed: " + e.getClass().getSimpleName(), true);
        }
    }
}
