package io.storyteller.command.runtime;

import static io.storyteller.command.housemodel.corpus.StoryEvents.action;
import static io.storyteller.command.housemodel.corpus.StoryEvents.lore;
import static io.storyteller.command.housemodel.corpus.StoryEvents.narration;
import static io.storyteller.command.housemodel.corpus.StoryEvents.story;
import static io.storyteller.command.housemodel.corpus.StoryEvents.world;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.corpus.CorpusReader;
import io.storyteller.command.housemodel.corpus.EventLog;
import io.storyteller.command.housemodel.corpus.WorldCorpus;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.housemodel.training.HouseModelProperties;
import io.storyteller.command.housemodel.training.HouseModelPublisher;
import io.storyteller.command.housemodel.training.HouseModelStore;
import io.storyteller.command.housemodel.training.HouseModelTrainer;
import io.storyteller.command.housemodel.training.HouseModelTraining;
import io.storyteller.command.support.RecordingCommandGateway;
import io.storyteller.domain.world.RecordHouseModelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

class DefaultHouseVersionsTest {

    private static final Prompt PROMPT = new Prompt(List.of(new UserMessage("I climb the tower")));

    @TempDir
    Path root;
    private final EventLog log = new EventLog();
    private final RecordingCommandGateway commands = new RecordingCommandGateway();
    private HouseModelStore store;
    private HouseModelPublisher publisher;
    private CorpusReader corpus;
    private HouseModelTraining training;
    private DefaultHouseVersions narrators;

    @BeforeEach
    void setUp() {
        HouseModelProperties properties = new HouseModelProperties(true, Duration.ofSeconds(10), 20, 256, false,
                0.8, 0.9, 30);
        store = new HouseModelStore(root);
        corpus = new CorpusReader(log.store, false);
        publisher = new HouseModelPublisher(new HouseModelTrainer(), store, commands, properties.trainingSettings());
        training = new HouseModelTraining(corpus, store, publisher, properties);
        narrators = new DefaultHouseVersions(store, training, properties);
    }

    @AfterEach
    void close() {
        narrators.close();
        training.close();
        log.close();
    }

    private void varn() {
        log.append(world("varn"),
                lore("varn", "l1", "Lighthouse", "The lighthouse burns above the Grey Sea, and the keeper watches the ships."),
                story("s1", "varn"),
                action("s1", "varn", "a1", "I climb the tower and look at the sea."),
                narration("s1", "varn", "a1", "n1", 0, "The wind howls, the flame bends low, and far below a ship turns."));
    }

    @Test
    void the_first_narration_in_a_world_trains_its_model_on_the_spot() {
        varn();

        ChatModel model = narrators.forWorld("varn");

        assertThat(model.getDefaultOptions().getModel()).isEqualTo("house:varn:v1");
        ChatResponse response = model.call(PROMPT);
        assertThat(response.getResult().getOutput().getText()).isNotBlank();
        assertThat(response.getMetadata().getModel()).isEqualTo("house:varn:v1");
        assertThat(commands.sent(RecordHouseModelVersion.class)).singleElement()
                .satisfies(command -> assertThat(command.version().version()).isEqualTo(1));
    }

    @Test
    void a_streamed_narration_works_and_gives_its_lease_back() {
        varn();
        ChatModel model = narrators.forWorld("varn");

        List<ChatResponse> chunks = model.stream(PROMPT).collectList().block(Duration.ofSeconds(30));

        assertThat(chunks).isNotEmpty();
        assertThat(chunks.getLast().getMetadata().getModel()).isEqualTo("house:varn:v1");
        ServedRuntime v1 = narrators.lease("varn");
        v1.release();
        publisher.publishWorld(corpusOf("varn"));
        store.pin("varn", 2);
        narrators.lease("varn").release();
        assertThat(v1.runtime().isClosed()).as("no lease left on v1").isTrue();
    }

    @Test
    void a_newer_version_is_not_served_for_being_newer() {
        varn();
        narrators.forWorld("varn");

        publisher.publishWorld(corpusOf("varn"));
        ChatModel model = narrators.forWorld("varn");

        assertThat(store.versions("varn")).containsExactly(1, 2);
        assertThat(model.getDefaultOptions().getModel()).isEqualTo("house:varn:v1");
        assertThat(model.call(PROMPT).getMetadata().getModel()).isEqualTo("house:varn:v1");
    }

    @Test
    void pinning_a_newer_version_replaces_the_served_one_and_the_old_one_closes() {
        varn();
        narrators.forWorld("varn");
        ServedRuntime v1 = narrators.lease("varn");
        v1.release();

        publisher.publishWorld(corpusOf("varn"));
        store.pin("varn", 2);
        ChatModel model = narrators.forWorld("varn");

        assertThat(model.getDefaultOptions().getModel()).isEqualTo("house:varn:v2");
        assertThat(model.call(PROMPT).getMetadata().getModel()).isEqualTo("house:varn:v2");
        assertThat(v1.runtime().isClosed()).isTrue();
    }

    @Test
    void a_world_trained_before_pins_existed_keeps_serving_the_version_it_served() throws Exception {
        varn();
        publisher.publishWorld(corpusOf("varn"));
        publisher.publishWorld(corpusOf("varn"));
        Files.delete(root.resolve("varn").resolve("default-version")); // as a store written before pins

        publisher.publishWorld(corpusOf("varn"));

        assertThat(store.versions("varn")).containsExactly(1, 2, 3);
        assertThat(narrators.forWorld("varn").getDefaultOptions().getModel()).isEqualTo("house:varn:v2");
    }

    @Test
    void a_replaced_version_stays_open_until_its_last_generation_ends() {
        varn();
        narrators.forWorld("varn");
        ServedRuntime generating = narrators.lease("varn");

        publisher.publishWorld(corpusOf("varn"));
        store.pin("varn", 2);
        ServedRuntime v2 = narrators.lease("varn");

        assertThat(v2.version()).isEqualTo(2);
        assertThat(generating.runtime().isClosed()).isFalse();
        assertThat(generating.runtime().generate("I look", GenerationSettings.defaults().withMaxTokens(5), piece -> { })
                .text()).isNotBlank();
        generating.release();
        v2.release();
        assertThat(generating.runtime().isClosed()).isTrue();
        assertThat(v2.runtime().isClosed()).isFalse();
    }

    @Test
    void a_world_without_text_is_narrated_by_the_platform_model() {
        varn();
        log.append(world("ost"));

        ChatModel model = narrators.forWorld("ost");

        assertThat(model.getDefaultOptions().getModel()).isEqualTo("house:platform:v1");
        assertThat(model.call(PROMPT).getResult().getOutput().getText()).isNotBlank();
    }

    @Test
    void with_nothing_written_anywhere_the_narration_fails_with_a_clear_reason() {
        assertThatThrownBy(() -> narrators.forWorld("varn"))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("no lore or story text");
    }

    @Test
    void shutting_down_closes_every_runtime_even_one_still_leased() {
        varn();
        narrators.forWorld("varn");
        ServedRuntime leased = narrators.lease("varn");
        publisher.publishWorld(corpusOf("varn"));
        store.pin("varn", 2);
        ServedRuntime current = narrators.lease("varn");
        current.release();

        narrators.close();

        assertThat(leased.runtime().isClosed()).isTrue();
        assertThat(current.runtime().isClosed()).isTrue();
        assertThatThrownBy(() -> narrators.forWorld("varn")).isInstanceOf(IllegalStateException.class);
    }

    private WorldCorpus corpusOf(String worldId) {
        corpus.refresh();
        return corpus.world(worldId);
    }
}
