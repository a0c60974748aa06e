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
import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.deployment.FindSlotRoute;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.world.ContentRating;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A retrained guardrail judges only once a slot names it: without a slot the pinned first version does. */
class HouseGuardrailStageTest {

    private static final String TEXT = "I light the lantern and read the map.";

    @TempDir
    Path directory;
    private ClassifierStore store;

    @BeforeEach
    void twoVersions() {
        store = new ClassifierStore(directory);
        // A few cases are enough to judge at all: this is about which version judges, not how well.
        TrainedClassifier trained = new GuardrailTraining(TrainingOptions.defaults())
                .train(GuardrailSet.builtIn().subList(0, 40), List.of());
        store.save("guardrail", trained, new CorpusRange(-1, -1), "built-in");
        store.save("guardrail", trained, new CorpusRange(-1, 10), "built-in, retrained");
    }

    @Test
    void withoutASlotThePinnedFirstVersionJudgesNotTheNewest() {
        try (HouseClassifiers classifiers = new HouseClassifiers(store, HouseGuardrail.DEFAULT_THRESHOLD)) {
            HarmVerdict verdict = new HouseGuardrailStage(slots(null), classifiers, null)
                    .check("w1", ContentRating.TEEN, TEXT, HarmGuard.Source.PLAYER);

            assertThat(verdict.model()).isEqualTo("house-classifier:guardrail");
            assertThat(verdict.modelVersion()).isEqualTo("1");
        }
    }

    @Test
    void aSlotWhoseStableIsTheNewerVersionServesIt() {
        ModelRef v2 = new ModelRef("house-classifier:guardrail", "2");
        try (HouseClassifiers classifiers = new HouseClassifiers(store, HouseGuardrail.DEFAULT_THRESHOLD)) {
            HarmVerdict verdict = new HouseGuardrailStage(slots(new NarratorRoute("guardrail:global", v2, null)),
                    classifiers, null).check("w1", ContentRating.TEEN, TEXT, HarmGuard.Source.PLAYER);

            assertThat(verdict.modelVersion()).isEqualTo("2");
        }
    }

    @Test
    void withTheHouseClassifiersOffAndNoSlotNothingCanBeShownAndTheReasonSaysWhy() {
        assertThatThrownBy(() -> new HouseGuardrailStage(slots(null), null, null)
                .check("w1", ContentRating.TEEN, TEXT, HarmGuard.Source.PLAYER))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("storyteller.house-classifier.enabled=false");
    }

    /** A bus that answers the route, or has no handler at all (an application without deployments). */
    private static StageSlots slots(NarratorRoute route) {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        if (route != null) {
            bus.subscribe(FindSlotRoute.class.getName(), NarratorRoute.class, message -> route);
        }
        return new StageSlots(DefaultQueryGateway.builder().queryBus(bus).build(), Duration.ofSeconds(2), Clock.systemUTC());
    }
}
