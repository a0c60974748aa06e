package io.storyteller.command.housemodel.training;

import static io.storyteller.command.housemodel.corpus.StoryEvents.action;
import static io.storyteller.command.housemodel.corpus.StoryEvents.content;
import static io.storyteller.command.housemodel.corpus.StoryEvents.lore;
import static io.storyteller.command.housemodel.corpus.StoryEvents.narration;
import static io.storyteller.command.housemodel.corpus.StoryEvents.story;
import static io.storyteller.command.housemodel.corpus.StoryEvents.world;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.housemodel.corpus.CorpusReader;
import io.storyteller.command.housemodel.corpus.EventLog;
import io.storyteller.command.housemodel.corpus.WorldCorpus;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.housemodel.serving.HouseModelRuntime;
import io.storyteller.command.housemodel.text.UnusualText;
import io.storyteller.command.support.RecordingCommandGateway;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.world.HouseModelVersion;
import io.storyteller.domain.world.LoreEntryRevised;
import io.storyteller.domain.world.RecordHouseModelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HouseModelTrainingTest {

    private static final int MIN_NEW_DOCUMENTS = 4;

    @TempDir
    Path root;
    private final EventLog log = new EventLog();
    private final RecordingCommandGateway commands = new RecordingCommandGateway();
    private final HouseModelProperties properties = new HouseModelProperties(true, Duration.ofSeconds(10),
            MIN_NEW_DOCUMENTS, 256, false, 0.8, 0.9, 40);
    private HouseModelStore store;
    private HouseModelTraining training;

    @BeforeEach
    void setUp() {
        store = new HouseModelStore(root);
        training = new HouseModelTraining(new CorpusReader(log.store, false), store,
                new HouseModelPublisher(new HouseModelTrainer(), store, commands, properties.trainingSettings()),
                properties);
        log.append(world("varn"), lore("varn", "l1", "Lighthouse", "The lighthouse burns above the Grey Sea."),
                story("s1", "varn"),
                action("s1", "varn", "a1", "I climb the tower."),
                narration("s1", "varn", "a1", "n1", 0, "The wind howls and the flame bends low."));
        log.subscribe(training);
    }

    @AfterEach
    void close() {
        training.close();
        log.close();
    }

    @Test
    void a_world_without_a_model_is_trained_and_its_version_recorded() {
        training.pass();

        HouseModelMetadata v1 = store.latest("varn").orElseThrow();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.documents()).isEqualTo(3);
        assertThat(v1.corpusRange()).isEqualTo(new CorpusRange(0, 4));
        assertThat(commands.sent(RecordHouseModelVersion.class)).containsExactly(new RecordHouseModelVersion("varn",
                new HouseModelVersion("varn", 1, v1.sha256(), 0, 4, 3, v1.tokens(), v1.vocabularySize(), v1.trainedAt()),
                Actor.system()));
        assertThat(v1.sha256()).hasSize(64);
        assertThat(v1.tokens()).isPositive();
    }

    @Test
    void a_training_that_ends_after_the_application_stopped_stores_and_records_nothing() {
        HouseModelPublisher publisher = new HouseModelPublisher(new HouseModelTrainer(), store, commands,
                properties.trainingSettings());
        CorpusReader corpus = new CorpusReader(log.store, false);
        corpus.refresh();
        WorldCorpus varn = corpus.world("varn");
        publisher.close();

        assertThatThrownBy(() -> publisher.publishWorld(varn)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("house model varn just trained is not stored");
        assertThatThrownBy(() -> publisher.publishPlatform(corpus.platform())).isInstanceOf(IllegalStateException.class);
        assertThat(store.versions("varn")).isEmpty();
        assertThat(store.latest(ModelKeys.PLATFORM)).isEmpty();
        assertThat(commands.sent(RecordHouseModelVersion.class)).isEmpty();
    }

    @Test
    void a_few_new_beats_do_not_retrain_but_enough_of_them_do() {
        training.pass();
        log.append(action("s1", "varn", "a2", "I ring the bell."),
                narration("s1", "varn", "a2", "n2", 0, "Far below, a ship answers."));
        training.pass();
        assertThat(store.versions("varn")).containsExactly(1);

        log.append(action("s1", "varn", "a3", "I wave the lantern."),
                new BeatEdited("s1", "n1", "The wind howls and the flame bends low.", "The flame gutters.", "player"));
        training.pass();

        HouseModelMetadata v2 = store.latest("varn").orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.documents()).isEqualTo(6);
        assertThat(v2.corpusRange()).isEqualTo(new CorpusRange(0, 8));
        assertThat(commands.sent(RecordHouseModelVersion.class)).extracting(command -> command.version().version())
                .containsExactly(1, 2);
    }

    @Test
    void a_retrained_version_is_stored_and_recorded_but_the_pinned_first_one_still_serves() {
        training.pass();
        log.append(new LoreEntryRevised("varn", "l1", content("Lighthouse", "It has burned for a thousand years."), "owner"));
        training.pass();

        assertThat(store.latest("varn").orElseThrow().version()).isEqualTo(2);
        assertThat(store.defaultVersion("varn")).hasValue(1);
    }

    @Test
    void edits_in_a_story_started_before_the_handlers_saw_it_mark_its_world() {
        HouseModelProperties eager = new HouseModelProperties(true, Duration.ofSeconds(10), 1, 256, false, 0.8, 0.9, 40);
        HouseModelTraining fresh = new HouseModelTraining(new CorpusReader(log.store, false), store,
                new HouseModelPublisher(new HouseModelTrainer(), store, commands, eager.trainingSettings()), eager);
        try {
            fresh.pass();
            log.subscribe(fresh);
            log.append(new BeatEdited("s1", "a1", "I climb the tower.", "I climb the stairs.", "player"));
            fresh.pass();
            assertThat(store.versions("varn")).containsExactly(1, 2);
        } finally {
            fresh.close();
        }
    }

    @Test
    void any_lore_change_retrains() {
        training.pass();
        log.append(new LoreEntryRevised("varn", "l1", content("Lighthouse", "It has burned for a thousand years."), "owner"));
        training.pass();

        assertThat(store.versions("varn")).containsExactly(1, 2);
    }

    @Test
    void lore_full_of_unusual_characters_retrains_and_narrates() {
        training.pass();
        log.append(lore("varn", "l2", "Glyphs", UnusualText.all()),
                action("s1", "varn", "a2", "I read the glyphs: " + UnusualText.all()));
        training.pass();

        assertThat(store.versions("varn")).containsExactly(1, 2);
        try (HouseModelRuntime runtime = store.load("varn", 2)) {
            assertThat(runtime.vocabulary().tokens()).contains("😀", UnusualText.REPLACEMENT, "\u200D");
            assertThat(runtime.generate(UnusualText.all(), GenerationSettings.defaults().withSeed(3L), piece -> { })
                    .text()).isNotBlank();
        }
    }

    @Test
    void nothing_is_retrained_when_nothing_changed() {
        training.pass();
        training.pass();

        assertThat(store.versions("varn")).containsExactly(1);
        assertThat(commands.sent).hasSize(1);
    }

    @Test
    void a_world_without_any_text_is_not_trained() {
        log.append(world("ost"));
        training.pass();

        assertThat(store.latest("ost")).isEmpty();
        assertThat(commands.sent(RecordHouseModelVersion.class)).extracting(RecordHouseModelVersion::worldId)
                .containsExactly("varn");
    }

    @Test
    void a_refused_record_leaves_the_stored_version_in_place() {
        commands.rejectWith(DomainRejection.conflict("worldId", "not-archived", "world varn is archived"));

        training.pass();

        assertThat(store.versions("varn")).containsExactly(1);
        assertThat(Files.exists(root.resolve("varn/v1/model.onnx"))).isTrue();
    }

    @Test
    void a_world_model_is_trained_on_demand_once() {
        HouseModelMetadata first = training.ensureWorldModel("varn").orElseThrow();
        HouseModelMetadata again = training.ensureWorldModel("varn").orElseThrow();

        assertThat(first.modelName()).isEqualTo("house:varn:v1");
        assertThat(again).isEqualTo(first);
        assertThat(training.ensureWorldModel("nowhere")).isEmpty();
    }

    @Test
    void the_platform_model_learns_every_worlds_lore_and_records_nothing() {
        log.append(world("ost"), lore("ost", "l1", "Steppe", "The steppe is wide and empty."));

        HouseModelMetadata platform = training.ensurePlatformModel().orElseThrow();

        assertThat(platform.modelName()).isEqualTo("house:platform:v1");
        assertThat(platform.documents()).isEqualTo(2);
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void scheduled_passes_run_on_the_training_thread_until_stopped() throws Exception {
        HouseModelProperties quick = new HouseModelProperties(true, Duration.ofMillis(50), MIN_NEW_DOCUMENTS,
                256, false, 0.8, 0.9, 40);
        HouseModelTraining scheduled = new HouseModelTraining(new CorpusReader(log.store, false), store,
                new HouseModelPublisher(new HouseModelTrainer(), store, commands, quick.trainingSettings()), quick);
        try {
            scheduled.start();
            assertThat(scheduled.isRunning()).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (store.latest("varn").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(store.latest("varn")).isPresent();
        } finally {
            scheduled.close();
        }
        assertThat(scheduled.isRunning()).isFalse();
    }
}
