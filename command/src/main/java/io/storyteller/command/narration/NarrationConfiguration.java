package io.storyteller.command.narration;

import io.storyteller.command.narration.context.ContextAssembler;
import io.storyteller.command.narration.context.LoreActivationPreviews;
import io.storyteller.command.narration.context.NarrationContexts;
import io.storyteller.command.narration.pipeline.CandidateJudge;
import io.storyteller.command.narration.pipeline.Coherence;
import io.storyteller.command.narration.pipeline.ContinuityReview;
import io.storyteller.command.narration.pipeline.EmbeddingCoherence;
import io.storyteller.command.narration.pipeline.HarmGuard;
import io.storyteller.command.narration.pipeline.Reviewer;
import io.storyteller.command.narration.pipeline.TextDetector;
import io.storyteller.command.narration.routing.Routes;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The narration pipeline's stages, set up from {@code storyteller.narration.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NarrationProperties.class)
public class NarrationConfiguration {

    @Bean
    ContextAssembler contextAssembler(NarrationProperties properties) {
        return new ContextAssembler(properties.promptSettings());
    }

    @Bean
    NarrationContexts narrationContexts(EventStore events, NarrationProperties properties) {
        return new NarrationContexts(events, properties.recentBeats(), properties.contextCache());
    }

    @Bean
    LoreActivationPreviews loreActivationPreviews(NarrationContexts contexts, NarrationProperties properties) {
        return new LoreActivationPreviews(contexts, properties.promptSettings());
    }

    @Bean
    Routes routes(QueryGateway queries, NarrationProperties properties) {
        return new Routes(queries, properties.timeout());
    }

    @Bean
    Recall recall(QueryGateway queries, NarrationProperties properties,
            ObjectProvider<EventProcessingConfiguration> processing) {
        LocalNarration narratedHere = new LocalNarration(() -> Optional.ofNullable(processing.getIfAvailable())
                .flatMap(config -> config.eventProcessor(NarrationEngine.PROCESSING_GROUP, StreamingEventProcessor.class)));
        return new Recall(queries, properties.timeout(), properties.recentBeats(), narratedHere);
    }

    @Bean
    Coherence coherence(QueryGateway queries, NarrationProperties properties) {
        return new EmbeddingCoherence(queries, properties.timeout());
    }

    /** Review, detection and guardrail of every candidate: the checks come from their own packages. */
    @Bean
    CandidateJudge candidateJudge(ContinuityReview continuity, Coherence coherence, TextDetector detector,
            HarmGuard guard, Reviewer reviewer) {
        return new CandidateJudge(continuity, coherence, detector, guard, reviewer);
    }
}
