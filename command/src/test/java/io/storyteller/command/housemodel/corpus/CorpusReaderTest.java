package io.storyteller.command.housemodel.corpus;

import static io.storyteller.command.housemodel.corpus.StoryEvents.action;
import static io.storyteller.command.housemodel.corpus.StoryEvents.content;
import static io.storyteller.command.housemodel.corpus.StoryEvents.lore;
import static io.storyteller.command.housemodel.corpus.StoryEvents.narration;
import static io.storyteller.command.housemodel.corpus.StoryEvents.story;
import static io.storyteller.command.housemodel.corpus.StoryEvents.world;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.world.LoreEntryRetired;
import io.storyteller.domain.world.LoreEntryRevised;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CorpusReaderTest {

    private final EventLog log = new EventLog();

    @AfterEach
    void close() {
        log.close();
    }

    private CorpusReader reader(boolean includeHouseNarrations) {
        CorpusReader reader = new CorpusReader(log.store, includeHouseNarrations);
        reader.refresh();
        return reader;
    }

    @Test
    void a_world_learns_its_lore_then_its_stories_beats_and_nothing_of_other_worlds() {
        log.append(world("varn"), world("ost"),
                lore("varn", "l1", "Lighthouse", "The lighthouse burns above the Grey Sea."),
                lore("ost", "l1", "Steppe", "The steppe is wide and empty."),
                story("s1", "varn"), story("s2", "ost"),
                action("s1", "varn", "a1", "I climb the tower."),
                narration("s1", "varn", "a1", "n1", 0, "The wind howls around you."),
                action("s2", "ost", "a1", "I ride east."));

        CorpusReader reader = reader(false);

        assertThat(reader.world("varn").documents()).containsExactly(
                "Lighthouse\nThe lighthouse burns above the Grey Sea.", "I climb the tower.", "The wind howls around you.");
        assertThat(reader.world("ost").documents()).containsExactly(
                "Steppe\nThe steppe is wide and empty.", "I ride east.");
        assertThat(reader.worlds()).containsExactlyInAnyOrder("varn", "ost");
        assertThat(reader.worldOfStory("s2")).contains("ost");
        assertThat(reader.world("nowhere").isEmpty()).isTrue();
    }

    @Test
    void only_the_selected_alternative_of_a_narration_counts() {
        log.append(world("varn"), story("s1", "varn"),
                action("s1", "varn", "a1", "I knock."),
                narration("s1", "varn", "a1", "n1", 0, "Nobody answers."),
                narration("s1", "varn", "a1", "n1", 1, "The door creaks open."));
        CorpusReader reader = reader(false);
        assertThat(reader.world("varn").documents()).containsExactly("I knock.", "The door creaks open.");

        log.append(new NarrationAlternativeSelected("s1", "n1", 0, "player"));
        reader.refresh();
        assertThat(reader.world("varn").documents()).containsExactly("I knock.", "Nobody answers.");
    }

    @Test
    void an_edit_replaces_a_beat_and_an_erasure_removes_it() {
        log.append(world("varn"), story("s1", "varn"),
                action("s1", "varn", "a1", "I knock."),
                narration("s1", "varn", "a1", "n1", 0, "Nobody answers."),
                action("s1", "varn", "a2", "I knock again."),
                narration("s1", "varn", "a2", "n2", 0, "Still nothing."),
                new BeatEdited("s1", "n1", "Nobody answers.", "A voice whispers: go away.", "player"),
                new BeatsErased("s1", List.of("a2", "n2"), "player"));

        assertThat(reader(false).world("varn").documents()).containsExactly("I knock.", "A voice whispers: go away.");
    }

    @Test
    void revised_lore_stands_in_its_latest_form_and_retired_lore_is_gone() {
        log.append(world("varn"),
                lore("varn", "l1", "Lighthouse", "It burns."),
                lore("varn", "l2", "Harbour", "Ships come and go."),
                new LoreEntryRevised("varn", "l1", content("Lighthouse", "It burns for a thousand years."), "owner"),
                new LoreEntryRetired("varn", "l2", "owner"));

        WorldCorpus corpus = reader(false).world("varn");
        assertThat(corpus.documents()).containsExactly("Lighthouse\nIt burns for a thousand years.");
        assertThat(corpus.loreChangedAt()).isEqualTo(4);
    }

    @Test
    void narrations_by_a_house_model_are_left_out_unless_asked_for_or_edited_by_a_person() {
        log.append(world("varn"), story("s1", "varn"),
                action("s1", "varn", "a1", "I knock."),
                narration("s1", "varn", "a1", "n1", 0, "House words one.", "house:varn:v1"),
                action("s1", "varn", "a2", "I wait."),
                narration("s1", "varn", "a2", "n2", 0, "House words two.", "house:platform:v3"),
                new BeatEdited("s1", "n2", "House words two.", "A person rewrote this.", "player"),
                action("s1", "varn", "a3", "I leave."),
                narration("s1", "varn", "a3", "n3", 0, "An LLM wrote this."));

        assertThat(reader(false).world("varn").documents()).containsExactly(
                "I knock.", "I wait.", "A person rewrote this.", "I leave.", "An LLM wrote this.");
        assertThat(reader(true).world("varn").documents()).containsExactly(
                "I knock.", "House words one.", "I wait.", "A person rewrote this.", "I leave.", "An LLM wrote this.");
    }

    @Test
    void the_corpus_range_spans_the_first_and_last_event_read_and_grows_with_each_refresh() {
        CorpusReader reader = reader(false);
        assertThat(reader.isEmpty()).isTrue();

        log.append(world("varn"), lore("varn", "l1", "Lighthouse", "It burns."), story("s1", "varn"));
        reader.refresh();
        assertThat(reader.world("varn").range()).isEqualTo(new CorpusRange(0, 2));

        log.append(action("s1", "varn", "a1", "I climb."), narration("s1", "varn", "a1", "n1", 0, "You climb."));
        reader.refresh();
        WorldCorpus corpus = reader.world("varn");
        assertThat(corpus.range()).isEqualTo(new CorpusRange(0, 4));
        assertThat(corpus.entries()).extracting(CorpusDocument::changedAt).containsExactly(1L, 3L, 4L);
        assertThat(corpus.changedSince(2)).isEqualTo(2);
        assertThat(corpus.loreChangedSince(2)).isFalse();
    }

    @Test
    void the_platform_corpus_is_every_worlds_lore() {
        log.append(world("varn"), world("ost"),
                lore("varn", "l1", "Lighthouse", "It burns."),
                lore("ost", "l1", "Steppe", "It is wide."),
                story("s1", "varn"), action("s1", "varn", "a1", "I climb."));

        assertThat(reader(false).platform().documents()).containsExactly("Lighthouse\nIt burns.", "Steppe\nIt is wide.");
    }
}
