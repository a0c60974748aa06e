package io.storyteller.ops.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.RateBeat;
import io.storyteller.domain.story.Story;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.ops.axon.StorageSerializers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * A Story's snapshot, written by the serializer Axon stores snapshots with, does not grow with the
 * text of its beats: 200 turns of 5,000-character narrations weigh what 200 turns of 50-character
 * ones do, and it reads back to the same state.
 */
class StorySnapshotSizeTest {

    private static final int TURNS = 200;
    private static final Actor OWNER = new Actor("olivia", Set.of(PlatformRole.PLAYER));
    private static final NarrationProvenance PROVENANCE = new NarrationProvenance("narrator-large", "2025-06",
            "sha256:0f1e", List.of("lore-gate"), 1200, 900, 150);

    private final ObjectMapper mapper = StorageSerializers.storageObjectMapper();

    private static List<Object> turns(int narrationLength) {
        List<Object> events = new ArrayList<>(List.of(new StoryStarted("s1", "w1", "The Sunken Bell", OWNER.userId())));
        for (int i = 0; i < TURNS; i++) {
            String action = "a-" + i;
            String text = ("Turn " + i + " ").repeat(narrationLength).substring(0, narrationLength);
            events.add(new PlayerActionSubmitted("s1", "w1", action, OWNER.userId(), text.substring(0, Math.min(text.length(), 2000))));
            events.add(new NarrationRecorded("s1", "w1", action, action, "n-" + i, 0, text, PROVENANCE));
        }
        return events;
    }

    /** The story after the events, as the snapshotter would write it. */
    private byte[] snapshot(List<Object> events) {
        AtomicReference<byte[]> written = new AtomicReference<>();
        new AggregateTestFixture<>(Story.class).given(events)
                .when(new RateBeat("s1", "n-" + (TURNS - 1), 4, OWNER))
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

        // The long story's texts are some 1.4 MB longer; only the lengths' digits may differ (a few per beat).
        assertThat(Math.abs(longBeats.length - shortBeats.length)).isLessThan(4 * 2 * TURNS);
        assertThat(longBeats.length).isLessThan(200 * 2 * TURNS);
    }

    @Test
    void theSnapshotReadsBackToTheSameState() throws Exception {
        byte[] written = snapshot(turns(300));
        Story read = mapper.readValue(written, Story.class);
        assertThat(mapper.writeValueAsBytes(read)).isEqualTo(written);
    }
}
