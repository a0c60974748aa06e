package io.storyteller.ops.benchmark.prose;

import io.storyteller.command.continuity.ContinuityCheck;
import io.storyteller.command.housemodel.classifier.ClassifierRuntime;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import io.storyteller.command.housemodel.classifier.detector.DetectorSet;
import io.storyteller.command.housemodel.classifier.detector.DetectorTraining;
import io.storyteller.command.housemodel.classifier.detector.HouseDetector;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailDecision;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailSet;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailTraining;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailVerdict;
import io.storyteller.command.housemodel.classifier.guardrail.HouseGuardrail;
import io.storyteller.command.housemodel.classifier.guardrail.TextSource;
import io.storyteller.command.embedding.Embeddings;
import io.storyteller.command.housemodel.embedding.SentenceEmbedder;
import io.storyteller.command.narration.context.ActiveLore;
import io.storyteller.command.narration.pipeline.CandidateJudge;
import io.storyteller.command.narration.pipeline.Draft;
import io.storyteller.command.narration.pipeline.EmbeddingCoherence;
import io.storyteller.command.narration.pipeline.EngineContinuityReview;
import io.storyteller.command.narration.pipeline.HarmGuard;
import io.storyteller.command.narration.pipeline.TextDetector;
import io.storyteller.command.narration.pipeline.TurnGround;
import io.storyteller.domain.story.CandidateScores;
import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.world.ContentRating;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;

/**
 * The pipeline's {@link CandidateJudge} offline, on the platform's default models: the continuity
 * engine, coherence by the bundled all-MiniLM-L6-v2 (the real {@link EmbeddingCoherence}, asking
 * {@code EmbedTexts} of an in-process query bus that only the application's {@link Embeddings}
 * handler serves), and the house detector and guardrail as a fresh platform trains them (from the
 * built-in labelled sets; no event log yet). Each beat is judged as the one candidate of its turn.
 */
final class ProseReview implements AutoCloseable {

    private final SentenceEmbedder embedder = SentenceEmbedder.bundled();
    private final ClassifierRuntime detectorRuntime;
    private final ClassifierRuntime guardrailRuntime;
    private final CandidateJudge judge;

    ProseReview() {
        TrainingOptions options = TrainingOptions.defaults();
        detectorRuntime = ClassifierRuntime.of(new DetectorTraining(options).train(DetectorSet.builtIn(), List.of()), "detector");
        guardrailRuntime = ClassifierRuntime.of(new GuardrailTraining(options).train(GuardrailSet.builtIn(), List.of()), "guardrail");
        HouseDetector detector = new HouseDetector(detectorRuntime);
        HouseGuardrail guardrail = new HouseGuardrail(guardrailRuntime, HouseGuardrail.DEFAULT_THRESHOLD);

        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(Embeddings.houseOnly(embedder)).subscribe(bus);
        EmbeddingCoherence coherence = new EmbeddingCoherence(DefaultQueryGateway.builder().queryBus(bus).build(),
                Duration.ofSeconds(30));
        TextDetector reads = (worldId, text) -> new TextDetector.DetectorReading(detector.score(text), detector.model(), null);
        // As the guardrail stage decides (HouseGuardrailStage): severities above 0, the decision at the world's rating.
        HarmGuard guard = (worldId, rating, text, source) -> verdict(guardrail, rating, text);
        judge = new CandidateJudge(new EngineContinuityReview(new ContinuityCheck()), coherence, reads, guard);
    }

    /**
     * @param storyLines the story's recent beats before the narration, the action last; actions start with "> "
     */
    CandidateScores judge(String storyId, ContentRating rating, List<ActiveLore> lore, List<String> storyLines,
            String action, String narration) {
        TurnGround ground = new TurnGround("seed-lantern-coast", storyId, rating, lore, storyLines, action, List.of());
        return judge.judge(ground, List.of(new Draft(0, 1, narration))).getFirst().scores();
    }

    private static HarmVerdict verdict(HouseGuardrail guardrail, ContentRating rating, String text) {
        GuardrailVerdict verdict = guardrail.classify(text, TextSource.NARRATION);
        GuardrailDecision decision = verdict.decision(rating);
        Map<String, Integer> severities = new LinkedHashMap<>();
        verdict.severities().forEach((category, severity) -> {
            if (severity > 0) {
                severities.put(category.key(), severity);
            }
        });
        return new HarmVerdict(guardrail.model(), null, severities, decision.allowed(), decision.breaking());
    }

    @Override
    public void close() {
        detectorRuntime.close();
        guardrailRuntime.close();
        embedder.close();
    }
}
