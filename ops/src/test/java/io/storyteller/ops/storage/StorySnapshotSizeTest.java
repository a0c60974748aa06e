package io.storyteller.ops.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.RateBeat;
import io.storyteller.domain.story.RecordNarration;
import io.storyteller.domain.story.Story;
import io.storyteller.domain.story.StoryFact;
import io.storyteller.domain.story.StoryFactsRecorded;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.ops.axon.StorageSerializers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * A Story's snapshot, written by the serializer Axon stores snapshots with, does not grow with the
 * text of its beats: 200 turns of 5,000-character narrations weigh what 200 turns of 50-character
 * ones do, facts read from every beat with the beat's text as evidence included; a turn played with
 * the platform's ids costs under {@value #BYTES_PER_TURN} bytes; and it reads back to the same state.
 */
class StorySnapshotSizeTest {

    private static final int TURNS = 200;
    /**
     * A turn's packed beats (PackedBeats): the action's UUID in 16 bytes, a fingerprint (8 bytes
     * and the length, one byte under 128 characters, two under 16,384) per beat and per fact
     * reading that found something (here the narration's), a flags byte per beat: 45 to 48 bytes,
     * 60 to 64 in base64.
     */
    private static final int BYTES_PER_TURN = 66;
    private static final Actor OWNER = new Actor("olivia", Set.of(PlatformRole.PLAYER));
    private static final NarrationProvenance PROVENANCE = new NarrationProvenance("narrator-large", "2025-06",
            "sha256:0f1e", List.of("lore-gate"), 1200, 900, 150);

    private final ObjectMapper mapper = StorageSerializers.storageObjectMapper();

    private static List<Object> turns(int narrationLength) {
        return turns(TURNS, narrationLength);
    }

    private static List<Object> turns(int count, int narrationLength) {
        List<Object> events = new ArrayList<>(List.of(new StoryStarted("s1", "w1", "The Sunken Bell", OWNER.userId())));
        for (int i = 0; i < count; i++) {
            // ids as the platform makes them: a client's UUID, the narration engine's id for its answer
            String action = new UUID(i, 42).toString();
            String narration = RecordNarration.beatIdFor("s1", action);
            String text = ("Turn " + i + " ").repeat(narrationLength).substring(0, narrationLength);
            String actionText = text.substring(0, Math.min(text.length(), 2000));
            events.add(new PlayerActionSubmitted("s1", "w1", action, OWNER.userId(), actionText));
            events.add(new StoryFactsRecorded("s1", action, List.of()));
            events.add(new NarrationRecorded("s1", "w1", action, action, narration, 0, text, PROVENANCE));
            // every turn's reading a new fact, its evidence the narration's text
            events.add(new StoryFactsRecorded("s1", narration, List.of(
                    new StoryFact("location", "npc " + (i % 40), "place", "the pier " + i, 2 * i + 2, text))));
        }
        return events;
    }

    /** The story after the events, as the snapshotter would write it. */
    private byte[] snapshot(List<Object> events) {
        AtomicReference<byte[]> written = new AtomicReference<>();
        new AggregateTestFixture<>(Story.class).given(events)
                .when(new RateBeat("s1", RecordNarration.beatIdFor("s1", new UUID(0, 42).toString()), 4, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectState(story -> {
                    try {
                        written.set(mapper.writeValueAsBytes(story));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        return written.get();
    }

    @Test
    void theSnapshotWeighsTheSameWhateverTheLengthOfTheBeats() {
        byte[] shortBeats = snapshot(turns(50));
        byte[] longBeats = snapshot(turns(5000));

        // The long story's texts are some 2.4 MB longer; only the lengths' varints may differ (a byte or two per beat).
        assertThat(Math.abs(longBeats.length - shortBeats.length)).isLessThan(4 * 2 * TURNS);
    }

    /** Beside the turns: the latest 32 narration requests and the standing facts (40 keys here), which do not grow with turns. */
    @Test
    void aTurnCostsAFewFingerprintsAndItsActionsId() {
        byte[] half = snapshot(turns(TURNS / 2, 300));
        byte[] whole = snapshot(turns(TURNS, 300));

        assertThat(whole.length - half.length).isLessThan(BYTES_PER_TURN * (TURNS - TURNS / 2));
    }

    @Test
    void theSnapshotReadsBackToTheSameState() throws Exception {
        byte[] written = snapshot(turns(300));
        Story read = mapper.readValue(written, Story.class);
        assertThat(mapper.writeValueAsBytes(read)).isEqualTo(written);
    }
}
