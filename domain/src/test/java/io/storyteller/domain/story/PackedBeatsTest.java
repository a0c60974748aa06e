package io.storyteller.domain.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A snapshot's packed beats read back to the very beats they were packed from, in a bounded size per beat. */
class PackedBeatsTest {

    private static final String STORY = "s1";

    private static Beat action(String id, String text) {
        return new Beat(id, BeatKind.PLAYER_ACTION, id, text);
    }

    private static Beat narration(String id, String actionId, String text) {
        return new Beat(id, BeatKind.NARRATION, actionId, text);
    }

    private static String uuid(int i) {
        return new UUID(0x5EED_0000L + i, 0xBEA7L * i).toString();
    }

    @Test
    void everyKindOfIdAlternativeReadingAndLinkReadsBack() {
        List<Beat> beats = new ArrayList<>();
        beats.add(action(uuid(1), "I ring the bell."));
        beats.add(narration(RecordNarration.beatIdFor(STORY, uuid(1)), uuid(1), "The sea answers."));
        beats.add(action("a2", "I wait."));
        // the engine's id for a retry's request, not the action's: stored as a UUID
        Beat retold = narration(RecordNarration.beatIdFor(STORY, "r-9"), "a2", "Fog.");
        retold.addAlternative(1, "More fog.");
        retold.addAlternative(2, "A gull.");
        retold.selected = 1;
        retold.replaceText("More fog, edited.");
        retold.reading = StoryFactBook.fingerprint(List.of(new StoryFact("time", "the scene", "time of day", "dusk", 4,
                "Fog at dusk.")));
        beats.add(retold);
        Beat upperCase = action(uuid(3).toUpperCase(), "Ünïcode, ⚓ and a long text. ".repeat(300));
        upperCase.reading = StoryFactBook.fingerprint(List.of());
        beats.add(upperCase);
        beats.add(narration("n-late", "a2", "A narration two beats after its action."));
        beats.add(narration("n-orphan", "a-gone", "A narration whose action no longer stands."));
        Set<String> erased = new LinkedHashSet<>(List.of(uuid(7), "a8", RecordNarration.beatIdFor(STORY, uuid(7))));

        PackedBeats packed = PackedBeats.of(STORY, beats, erased);

        assertThat(packed.beats()).isEqualTo(beats);
        assertThat(packed.erasedIds()).containsExactlyElementsOf(erased);
        assertThat(packed.beats().get(1).actionBeatId()).isEqualTo(uuid(1));
        assertThat(packed.beats().get(6).actionBeatId()).isEqualTo("a-gone");
    }

    @Test
    void aStoryWithoutBeatsPacksToNearlyNothing() {
        PackedBeats packed = PackedBeats.of(STORY, List.of(), Set.of());

        assertThat(packed.beats()).isEmpty();
        assertThat(packed.erasedIds()).isEmpty();
        assertThat(packed.shape()).hasSize(1);
    }

    /**
     * A turn as the platform plays it — an action with a client's UUID, its narration with the id
     * the engine derives, both read for facts — costs its action's id (16 bytes), a fingerprint per
     * beat and one per reading that found something (8 bytes and the length each) and a flags byte
     * per beat: 54 bytes for texts and readings under 128 characters, whatever the texts.
     */
    @Test
    void aTurnCostsItsActionsIdAndFourFingerprints() {
        int turns = 50; // 100 beats: the count takes one byte
        List<Beat> beats = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            Beat action = action(uuid(i), "Action " + i);
            Beat narration = narration(RecordNarration.beatIdFor(STORY, uuid(i)), uuid(i), "Narration " + i);
            action.reading = StoryFactBook.fingerprint(List.of());
            narration.reading = StoryFactBook.fingerprint(List.of(new StoryFact("count", "gulls", "number", "" + i, 2 * i,
                    null)));
            beats.add(action);
            beats.add(narration);
        }

        PackedBeats packed = PackedBeats.of(STORY, beats, Set.of());

        int bytes = packed.shape().length + packed.ids().length + packed.texts().length + packed.readings().length;
        // the action's reading found nothing: its flag says so
        assertThat(bytes).isEqualTo(1 + turns * (2 + 16 + 2 * 9 + 9));
        assertThat(packed.beats()).isEqualTo(beats);
    }
}
