package io.storyteller.command.housemodel.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.classifier.ClassifierMetadata;
import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import io.storyteller.command.housemodel.classifier.guardrail.HouseGuardrail;
import io.storyteller.command.housemodel.classifier.guardrail.TextSource;
import io.storyteller.command.housemodel.classifier.reviewer.ReviewerCorpus;
import io.storyteller.command.housemodel.corpus.EventLog;
import io.storyteller.command.registry.FakeRegistry;
import io.storyteller.command.registry.RegistryCommands;
import io.storyteller.command.registry.RegistryResult;
import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.story.BeatFlagged;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.world.ContentRating;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both classifiers exist from the first pass on an empty log, are registered, and retrain when enough arrives;
 * a retrained version serves without a slot only once pinned.
 */
class HouseClassifierTrainingTest {

    private static final NarrationProvenance PROVENANCE = new NarrationProvenance("narrator-large", "1", "sha256:0f",
            List.of(), 10, 10, 10);

    @TempDir
    Path root;

    private final EventLog log = new EventLog();
    private final FakeRegistry registry = new FakeRegistry();
    private final RegistryCommands commands = new RegistryCommands(registry);

    @AfterEach
    void close() {
        commands.close();
        log.close();
    }

    private HouseClassifierTraining training(ClassifierStore store) {
        var properties = new HouseClassifierProperties(true, Duration.ofSeconds(30), 2, 3, 100, HouseGuardrail.DEFAULT_THRESHOLD, 4);
        return new HouseClassifierTraining(new ClassifierCorpusReader(log.store), store,
                new ClassifierPublisher(store, this::register, TrainingOptions.defaults()), properties);
    }

    /** As the application wires it: RegistryCommands, which takes a repeated request as done. */
    private Optional<String> register(RegisterModel model, AddModelVersion version) {
        RegistryResult registered = commands.register(model);
        RegistryResult added = registered.rejected() ? registered : commands.addVersion(version);
        return added.rejected() ? Optional.of(added.reason()) : Optional.empty();
    }

    /** A flag on a player's action: it judges the action's text as the log holds it. */
    private static BeatFlagged flag(String beatId) {
        return new BeatFlagged("s1", "w1", beatId, BeatKind.PLAYER_ACTION, null, List.of(HarmCategory.HARASSMENT), 2,
                false, "wanda");
    }

    @Test
    void anEmptyLogStillGetsAGuardrailAndADetectorInTheRegistry() {
        ClassifierStore store = new ClassifierStore(root);
        training(store).runPass();

        assertThat(store.versions("guardrail")).containsExactly(1);
        assertThat(store.versions("detector")).containsExactly(1);
        assertThat(registry.sent(RegisterModel.class)).extracting(RegisterModel::modelId)
                .containsExactlyInAnyOrder("house-classifier:guardrail", "house-classifier:detector");
        assertThat(registry.sent(RegisterModel.class)).allSatisfy(r -> {
            assertThat(r.spec().kind()).isEqualTo(ModelKind.CLASSIFIER);
            assertThat(r.modelId()).isEqualTo(r.spec().provider() + ":" + r.spec().providerModelId());
        });
        assertThat(registry.versionsOf("house-classifier:guardrail")).containsExactly("1");
        AddModelVersion added = registry.sent(AddModelVersion.class).getFirst();
        assertThat(added.artifact().uri()).startsWith("house-classifier://");

        try (HouseClassifiers serving = new HouseClassifiers(store, HouseGuardrail.DEFAULT_THRESHOLD)) {
            var guardrail = serving.guardrail(new ModelRef("house-classifier:guardrail", "1")).orElseThrow();
            assertThat(guardrail.model()).isEqualTo("house-classifier:guardrail:v1");
            assertThat(guardrail.classify("I take a stab at solving the riddle carved above the vault door.", TextSource.PLAYER)
                    .allowed(ContentRating.EVERYONE)).isTrue();
            assertThat(serving.detector(new ModelRef("house-classifier:detector", "1"))).isPresent();
            assertThat(serving.detector(new ModelRef("house-classifier:detector", "9"))).isEmpty();
            assertThat(serving.guardrail(new ModelRef("house:w1", "1"))).isEmpty();
            assertThat(HouseClassifiers.serves(new ModelRef("house:w1", "1"))).isFalse();
        }
    }

    @Test
    void aPassStillTrainingWhenTheApplicationStopsStoresNothing() {
        ClassifierStore store = new ClassifierStore(root);
        HouseClassifierTraining training = training(store);
        training.close();

        assertThatThrownBy(training::runPass).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not stored");
        assertThat(store.versions("guardrail")).isEmpty();
        assertThat(store.versions("detector")).isEmpty();
        assertThat(registry.sent(RegisterModel.class)).isEmpty();
    }

    @Test
    void flagsAndNewTextRetrainWhenEnoughArrived() {
        ClassifierStore store = new ClassifierStore(root);
        HouseClassifierTraining training = training(store);
        log.append(new PlayerActionSubmitted("s1", "w1", "a1", "olivia", "You are a worthless coward and everyone at this table knows it."),
                new PlayerActionSubmitted("s1", "w1", "a2", "olivia", "Your character is pathetic, just like you in real life."));
        training.runPass();
        log.append(flag("a1"));
        training.runPass();
        assertThat(store.versions("guardrail")).as("one flag is not enough").containsExactly(1);
        assertThat(store.versions("detector")).as("a flag is no new text").containsExactly(1);

        log.append(flag("a2"),
                new PlayerActionSubmitted("s1", "w1", "a3", "olivia", "i open the door"),
                new NarrationRecorded("s1", "w1", "a3", "a3", "n3", 0,
                        "The door swings open, revealing a corridor bathed in silver light.", PROVENANCE),
                new PlayerActionSubmitted("s1", "w1", "a4", "olivia", "i go left"));
        training.runPass();

        ClassifierMetadata guardrail = store.latest("guardrail").orElseThrow();
        assertThat(guardrail.version()).isEqualTo(2);
        assertThat(guardrail.trainedOn()).endsWith("flags 2");
        ClassifierMetadata detector = store.latest("detector").orElseThrow();
        assertThat(detector.version()).isEqualTo(2);
        assertThat(detector.trainedOn()).as("the two flagged actions and three texts after them").endsWith("event log 5");
        assertThat(registry.versionsOf("house-classifier:guardrail")).containsExactly("1", "2");
        assertThat(registry.sent(AddModelVersion.class)).filteredOn(a -> a.version().equals("2"))
                .allSatisfy(a -> assertThat(a.derivedFrom().version()).isEqualTo("1"));
        try (HouseClassifiers serving = new HouseClassifiers(store, HouseGuardrail.DEFAULT_THRESHOLD)) {
            assertThat(serving.defaultGuardrail().orElseThrow().model()).as("a retrained version is only a candidate")
                    .isEqualTo("house-classifier:guardrail:v1");
            assertThat(serving.defaultDetector().orElseThrow().model()).isEqualTo("house-classifier:detector:v1");
            store.pin("guardrail", 2);
            assertThat(serving.defaultGuardrail().orElseThrow().model()).isEqualTo("house-classifier:guardrail:v2");
        }
    }

    @Test
    void theReviewersFirstVersionWaitsForEnoughRatingsOfEachKindThenRetrainsOnEnoughNewOnes() {
        ClassifierStore store = new ClassifierStore(root);
        HouseClassifierTraining training = training(store);
        for (int i = 0; i < 12; i++) {
            log.append(new NarrationRecorded("s1", "w1", "a" + i, "a" + i, "n" + i, 0,
                    i % 2 == 0 ? ReviewerCorpus.good(i) : ReviewerCorpus.poor(i), PROVENANCE));
        }
        for (int i = 0; i < 9; i++) {
            log.append(new BeatRated("s1", "n" + i, i % 2 == 0 ? 5 : 1, "olivia"));
        }
        training.runPass();
        assertThat(store.versions("reviewer")).as("4 poor narrations are too few").isEmpty();

        log.append(new BeatRated("s1", "n9", 2, "olivia"));
        training.runPass();
        assertThat(store.versions("reviewer")).containsExactly(1);
        assertThat(store.latest("reviewer").orElseThrow().trainedOn()).isEqualTo("ratings 10");
        assertThat(registry.versionsOf("house-classifier:reviewer")).containsExactly("1");
        assertThat(registry.sent(RegisterModel.class)).filteredOn(r -> r.modelId().equals("house-classifier:reviewer"))
                .singleElement().satisfies(r -> assertThat(r.spec().kind()).isEqualTo(ModelKind.CLASSIFIER));
        try (HouseClassifiers serving = new HouseClassifiers(store, HouseGuardrail.DEFAULT_THRESHOLD)) {
            var reviewer = serving.reviewer(new ModelRef("house-classifier:reviewer", "1")).orElseThrow();
            assertThat(reviewer.score(ReviewerCorpus.good(30))).isGreaterThan(reviewer.score(ReviewerCorpus.poor(30)));
        }

        log.append(new BeatRated("s1", "n10", 5, "bruno"), new BeatRated("s1", "n11", 1, "bruno"),
                new BeatRated("s1", "n0", 4, "bruno"));
        training.runPass();
        assertThat(store.versions("reviewer")).as("3 new ratings are not the 4 configured").containsExactly(1);
        log.append(new BeatRated("s1", "n1", 2, "bruno"));
        training.runPass();
        assertThat(store.versions("reviewer")).containsExactly(1, 2);
        assertThat(registry.versionsOf("house-classifier:reviewer")).containsExactly("1", "2");
    }
}
