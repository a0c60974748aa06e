package io.storyteller.command.narration.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.TrainedClassifier;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailSet;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailTraining;
import io.storyteller.command.housemodel.classifier.guardrail.HouseGuardrail;
import io.storyteller.command.housemodel.classifier.training.HouseClassifiers;
import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.runtime.ModelUnavailableException;
import io.storyteller.command.slot.ArmChoice;
import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.deployment.FindSlotRoute;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutRoute;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.StageVerdict;
import io.storyteller.domain.world.ContentRating;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A guardrail slot in a rollout: the story's arm decides, a shadow candidate is recorded and never decides. */
class RoutedGuardrailStageTest {

    private static final String TEXT = "I light the lantern and read the map.";
    private static final String SLOT = "guardrail:global";
    private static final ModelRef V1 = new ModelRef("house-classifier:guardrail", "1");
    private static final ModelRef V2 = new ModelRef("house-classifier:guardrail", "2");
    private static final ModelRef MISSING = new ModelRef("house-classifier:guardrail", "9");

    @TempDir
    static Path directory;
    private static ClassifierStore store;

    @BeforeAll
    static void twoVersions() {
        store = new ClassifierStore(directory);
        TrainedClassifier trained = new GuardrailTraining(TrainingOptions.defaults())
                .train(GuardrailSet.builtIn().subList(0, 40), List.of());
        store.save("guardrail", trained, new CorpusRange(-1, -1), "built-in");
        store.save("guardrail", trained, new CorpusRange(-1, 10), "built-in, retrained");
    }

    @Test
    void inTheShadowPhaseTheStableDecidesAndTheCandidateIsMirroredOnTheSameText() {
        try (HouseClassifiers classifiers = new HouseClassifiers(store, HouseGuardrail.DEFAULT_THRESHOLD)) {
            StageOutcome<HarmVerdict> judged = stage(rollout(V2, RolloutPhase.SHADOW, 0), classifiers)
                    .judge(ground("s1"), TEXT);

            assertThat(judged.verdict().modelVersion()).isEqualTo("1");
            assertThat(judged.calls()).extracting(StageVerdict::arm, StageVerdict::modelVersion, StageVerdict::failed,
                            StageVerdict::stage, StageVerdict::deploymentId, StageVerdict::rolloutId)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(NarrationArm.STABLE, "1", false, UseCase.GUARDRAIL, SLOT, "r1"),
                            org.assertj.core.groups.Tuple.tuple(NarrationArm.SHADOW, "2", false, UseCase.GUARDRAIL, SLOT, "r1"));
            assertThat(judged.calls()).allSatisfy(call -> assertThat(call.guardrailBlocked()).isEqualTo(!judged.verdict().allowed()));
        }
    }

    @Test
    void aMirroredCandidateThatCannotServeIsRecordedAsFailedAndTheTurnGoesOn() {
        try (HouseClassifiers classifiers = new HouseClassifiers(store, HouseGuardrail.DEFAULT_THRESHOLD)) {
            StageOutcome<HarmVerdict> judged = stage(rollout(MISSING, RolloutPhase.SHADOW, 0), classifiers)
                    .judge(ground("s1"), TEXT);

            assertThat(judged.verdict().modelVersion()).isEqualTo("1");
            assertThat(judged.calls()).extracting(StageVerdict::arm, StageVerdict::failed)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(NarrationArm.STABLE, false),
                            org.assertj.core.groups.Tuple.tuple(NarrationArm.SHADOW, true));
            assertThat(judged.calls().get(1).guardrailBlocked()).isNull();
        }
    }

    @Test
    void inACanaryStepTheCandidateJudgesTheStoriesItsWeightGivesItAndFailsClosed() {
        String canaryStory = story(true);
        String stableStory = story(false);
        try (HouseClassifiers classifiers = new HouseClassifiers(store, HouseGuardrail.DEFAULT_THRESHOLD)) {
            HouseGuardrailStage stage = stage(rollout(V2, RolloutPhase.CANARY, 50), classifiers);

            StageOutcome<HarmVerdict> canary = stage.judge(ground(canaryStory), TEXT);
            assertThat(canary.verdict().modelVersion()).isEqualTo("2");
            assertThat(canary.calls()).singleElement().extracting(StageVerdict::arm).isEqualTo(NarrationArm.CANARY);
            assertThat(stage.checkFor("w1", canaryStory, ContentRating.TEEN, TEXT, HarmGuard.Source.PLAYER).modelVersion())
                    .isEqualTo("2");
            StageOutcome<HarmVerdict> stable = stage.judge(ground(stableStory), TEXT);
            assertThat(stable.verdict().modelVersion()).isEqualTo("1");
            assertThat(stable.calls()).singleElement().extracting(StageVerdict::arm).isEqualTo(NarrationArm.STABLE);
            // the unrouted check is the slot's stable, whatever the story
            assertThat(stage.check("w1", ContentRating.TEEN, TEXT, HarmGuard.Source.PLAYER).modelVersion()).isEqualTo("1");

            HouseGuardrailStage broken = stage(rollout(MISSING, RolloutPhase.CANARY, 50), classifiers);
            assertThatThrownBy(() -> broken.judge(ground(canaryStory), TEXT)).isInstanceOf(ModelUnavailableException.class);
        }
    }

    @Test
    void withoutADeploymentTheHouseDefaultJudgesUnrecorded() {
        try (HouseClassifiers classifiers = new HouseClassifiers(store, HouseGuardrail.DEFAULT_THRESHOLD)) {
            SimpleQueryBus bus = SimpleQueryBus.builder().build();
            StageOutcome<HarmVerdict> judged = new HouseGuardrailStage(new StageSlots(
                    DefaultQueryGateway.builder().queryBus(bus).build(), Duration.ofSeconds(2), Clock.systemUTC()),
                    classifiers, null).judge(ground("s1"), TEXT);

            assertThat(judged.verdict().modelVersion()).isEqualTo("1");
            assertThat(judged.calls()).isEmpty();
        }
    }

    private static NarratorRoute rollout(ModelRef candidate, RolloutPhase phase, int weight) {
        return new NarratorRoute(SLOT, V1, new RolloutRoute("r1", candidate, phase, weight,
                phase == RolloutPhase.SHADOW ? 0 : 1));
    }

    /** A story the candidate serves at weight 50 (or one it does not). */
    private static String story(boolean canary) {
        return IntStream.range(0, 1000).mapToObj(i -> "story-" + i)
                .filter(s -> ArmChoice.servesCandidate(s, "r1", 50) == canary).findFirst().orElseThrow();
    }

    private static TurnGround ground(String storyId) {
        return new TurnGround("w1", storyId, ContentRating.TEEN, List.of(), List.of(), "I look around.", List.of());
    }

    private static HouseGuardrailStage stage(NarratorRoute route, HouseClassifiers classifiers) {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(FindSlotRoute.class.getName(), NarratorRoute.class, message -> route);
        return new HouseGuardrailStage(new StageSlots(DefaultQueryGateway.builder().queryBus(bus).build(),
                Duration.ofSeconds(2), Clock.systemUTC()), classifiers, null);
    }
}
