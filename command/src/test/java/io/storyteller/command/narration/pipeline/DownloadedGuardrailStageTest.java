package io.storyteller.command.narration.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.runtime.ModelUnavailableException;
import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.command.runtime.onnx.TinyModels;
import io.storyteller.command.slot.ArmChoice;
import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.deployment.FindSlotRoute;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutRoute;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.StageVerdict;
import io.storyteller.domain.world.ContentRating;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guardrail slot served by a downloaded ONNX text classifier: its mapped labels' scores become
 * severities, decided at the world's rating like the house guardrail's verdict. The tiny classifier
 * scores "the cat sat" calm 0.111, tense 0.727, strange 0.162 (logits -0.375, 1.5, 0).
 */
class DownloadedGuardrailStageTest {

    private static final String TEXT = "the cat sat";
    private static final String SLOT = "guardrail:global";
    private static final ModelRef TOXICITY = new ModelRef("huggingface:tiny/toxicity", "rev1");
    private static final ModelRef CANDIDATE = new ModelRef("huggingface:tiny/toxicity", "rev2");
    private static final ModelRef UNMAPPED = new ModelRef("huggingface:tiny/sentiment", "rev1");
    private static final ModelRef EMBEDDER = new ModelRef("huggingface:tiny/embedder", "rev1");
    /** tense → violence: at 0.727 it is severity 2 (0.5 and 0.7 reached, 0.9 not); violence 2 needs TEEN. */
    private static final DownloadedGuardrailProperties TENSE_IS_VIOLENCE = new DownloadedGuardrailProperties(
            Map.of("tense", "VIOLENCE", "calm", "hate"), List.of(0.5, 0.7, 0.9));

    @TempDir
    Path directory;
    private LocalOnnxModels local;
    private HouseClassifiers house;

    @BeforeEach
    void downloads() throws Exception {
        Path toxicity = TinyModels.classifier(directory.resolve("toxicity"));
        Path sentiment = TinyModels.classifier(directory.resolve("sentiment"));
        Files.writeString(sentiment.resolve("config.json"),
                "{\"id2label\":{\"0\":\"negative\",\"1\":\"positive\",\"2\":\"neutral\"}}");
        Map<ModelRef, Path> files = Map.of(TOXICITY, toxicity, CANDIDATE, toxicity, UNMAPPED, sentiment,
                EMBEDDER, TinyModels.embedder(directory.resolve("embedder")));
        local = new LocalOnnxModels(ref -> Optional.ofNullable(files.get(ref))
                .map(path -> new ModelArtifact(path.toUri().toString(), "0".repeat(64), 1)), GenerationSettings.defaults());
        house = new HouseClassifiers(new ClassifierStore(directory.resolve("house")), 0.5);
    }

    @AfterEach
    void close() {
        local.close();
        house.close();
    }

    @Test
    void whatAMappedLabelScoresHighIsBlockedAtAStrictRatingAndAllowedAtAPermissiveOne() {
        HouseGuardrailStage stage = stage(new NarratorRoute(SLOT, TOXICITY, null), TENSE_IS_VIOLENCE);

        HarmVerdict everyone = stage.check("w1", ContentRating.EVERYONE, TEXT, HarmGuard.Source.NARRATION);
        assertThat(everyone.allowed()).isFalse();
        assertThat(everyone.severities()).isEqualTo(Map.of("violence", 2));
        assertThat(everyone.breaches()).containsExactly("violence");
        assertThat(everyone.model()).isEqualTo("huggingface:tiny/toxicity");
        assertThat(everyone.modelVersion()).isEqualTo("rev1");

        HarmVerdict teen = stage.check("w1", ContentRating.TEEN, TEXT, HarmGuard.Source.PLAYER);
        assertThat(teen.allowed()).isTrue();
        assertThat(teen.severities()).isEqualTo(Map.of("violence", 2));
    }

    @Test
    void theSeverityThresholdsAreTheConfiguredOnes() {
        // 0.727 reaches all three thresholds: violence 3 needs MATURE
        HouseGuardrailStage stage = stage(new NarratorRoute(SLOT, TOXICITY, null),
                new DownloadedGuardrailProperties(Map.of("tense", "violence"), List.of(0.2, 0.4, 0.6)));

        assertThat(stage.check("w1", ContentRating.TEEN, TEXT, HarmGuard.Source.NARRATION))
                .extracting(HarmVerdict::allowed, HarmVerdict::severities).containsExactly(false, Map.of("violence", 3));
        assertThat(stage.check("w1", ContentRating.MATURE, TEXT, HarmGuard.Source.NARRATION).allowed()).isTrue();
    }

    @Test
    void unmappedLabelsAreIgnored() {
        // at these thresholds tense (0.727) or strange (0.162) would be severity 3 if they counted; only calm (0.111) is mapped
        HouseGuardrailStage onlyCalm = stage(new NarratorRoute(SLOT, TOXICITY, null),
                new DownloadedGuardrailProperties(Map.of("calm", "HATE"), List.of(0.1, 0.15, 0.2)));

        HarmVerdict verdict = onlyCalm.check("w1", ContentRating.TEEN, TEXT, HarmGuard.Source.NARRATION);
        assertThat(verdict.severities()).isEqualTo(Map.of("hate", 1));
        assertThat(verdict.allowed()).isTrue();
        assertThat(onlyCalm.check("w1", ContentRating.EVERYONE, TEXT, HarmGuard.Source.NARRATION).breaches())
                .containsExactly("hate");
    }

    @Test
    void aClassifierWithNoMappedLabelFailsClosedNamingTheModel() {
        HouseGuardrailStage stage = stage(new NarratorRoute(SLOT, UNMAPPED, null), TENSE_IS_VIOLENCE);

        assertThatThrownBy(() -> stage.judge(ground("s1"), TEXT))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("huggingface:tiny/sentiment@rev1")
                .hasMessageContaining("[negative, positive, neutral]")
                .hasMessageContaining("storyteller.guardrail.downloaded.labels.<label>");
    }

    @Test
    void aVersionThatIsNeitherAHouseGuardrailNorADownloadFailsClosed() {
        HouseGuardrailStage stage = stage(new NarratorRoute(SLOT, new ModelRef("huggingface:gone", "x"), null),
                TENSE_IS_VIOLENCE);

        assertThatThrownBy(() -> stage.check("w1", ContentRating.ADULT, TEXT, HarmGuard.Source.PLAYER))
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("huggingface:gone@x");
    }

    @Test
    void aDownloadThatIsNoClassifierFailsClosedWithAReasonThatNamesNoPath() {
        HouseGuardrailStage stage = stage(new NarratorRoute(SLOT, EMBEDDER, null), TENSE_IS_VIOLENCE);

        assertThatThrownBy(() -> stage.check("w1", ContentRating.ADULT, TEXT, HarmGuard.Source.PLAYER))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("huggingface:tiny/embedder@rev1")
                .hasMessageContaining("no text classifier")
                .hasMessageNotContaining(directory.toString());
    }

    @Test
    void inTheShadowPhaseTheMirroredDownloadIsRecordedAndAnUnmappedOneIsAFailedCall() {
        StageOutcome<HarmVerdict> judged = stage(rollout(CANDIDATE, RolloutPhase.SHADOW, 0), TENSE_IS_VIOLENCE)
                .judge(ground("s1"), TEXT);

        assertThat(judged.verdict().modelVersion()).isEqualTo("rev1");
        assertThat(judged.calls()).extracting(StageVerdict::arm, StageVerdict::modelVersion, StageVerdict::failed,
                        StageVerdict::guardrailBlocked, StageVerdict::deploymentId)
                .containsExactly(tuple(NarrationArm.STABLE, "rev1", false, true, SLOT),
                        tuple(NarrationArm.SHADOW, "rev2", false, true, SLOT));

        StageOutcome<HarmVerdict> unmapped = stage(rollout(UNMAPPED, RolloutPhase.SHADOW, 0), TENSE_IS_VIOLENCE)
                .judge(ground("s1"), TEXT);
        assertThat(unmapped.verdict().allowed()).isFalse();
        assertThat(unmapped.calls()).extracting(StageVerdict::arm, StageVerdict::failed)
                .containsExactly(tuple(NarrationArm.STABLE, false), tuple(NarrationArm.SHADOW, true));
    }

    @Test
    void inACanaryStepTheDownloadedCandidateJudgesTheStoriesItsWeightGivesIt() {
        String canaryStory = IntStream.range(0, 1000).mapToObj(i -> "story-" + i)
                .filter(s -> ArmChoice.servesCandidate(s, "r1", 50)).findFirst().orElseThrow();
        StageOutcome<HarmVerdict> judged = stage(rollout(CANDIDATE, RolloutPhase.CANARY, 50), TENSE_IS_VIOLENCE)
                .judge(ground(canaryStory), TEXT);

        assertThat(judged.verdict().modelVersion()).isEqualTo("rev2");
        assertThat(judged.calls()).singleElement().extracting(StageVerdict::arm, StageVerdict::guardrailBlocked)
                .containsExactly(NarrationArm.CANARY, true);
    }

    private static NarratorRoute rollout(ModelRef candidate, RolloutPhase phase, int weight) {
        return new NarratorRoute(SLOT, TOXICITY, new RolloutRoute("r1", candidate, phase, weight,
                phase == RolloutPhase.SHADOW ? 0 : 1));
    }

    private static TurnGround ground(String storyId) {
        return new TurnGround("w1", storyId, ContentRating.EVERYONE, List.of(), List.of(), "I look around.", List.of());
    }

    private HouseGuardrailStage stage(NarratorRoute route, DownloadedGuardrailProperties properties) {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(FindSlotRoute.class.getName(), NarratorRoute.class, message -> route);
        return new HouseGuardrailStage(new StageSlots(DefaultQueryGateway.builder().queryBus(bus).build(),
                Duration.ofSeconds(2), Clock.systemUTC()), house, null, local, properties);
    }
}
