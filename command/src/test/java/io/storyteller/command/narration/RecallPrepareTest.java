package io.storyteller.command.narration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.command.narration.context.Recalled;
import io.storyteller.domain.retrieval.LoreHit;
import io.storyteller.domain.retrieval.RecallForTurn;
import io.storyteller.domain.retrieval.RetrievalReason;
import io.storyteller.domain.retrieval.SearchLore;
import io.storyteller.domain.retrieval.TurnRecall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;

/**
 * A turn's recall starts when its action is admitted: the turn that answers that action takes the
 * recall already made instead of asking search again, when its recent window starts where the
 * admission expected; anything else (another action, another story, a window moved on by another
 * player's turn, a recall that failed) is asked anew. Story memory is searched among the beats
 * older than the window only, and not at all while the window holds the whole story.
 */
class RecallPrepareTest {

    private static final int RECENT_BEATS = 40;

    private final List<RecallForTurn> asked = new CopyOnWriteArrayList<>();
    private final AtomicBoolean searchDown = new AtomicBoolean();
    private final Recall recall = recall();

    @Test
    void theTurnTakesTheRecallPreparedForItsActionWithoutAskingAgain() throws Exception {
        // 59 beats before the action: the turn's window holds beats 21..60, memory is searched before 21
        recall.prepare("world-1", "story-1", "I ask the harbour master about the bell.", 59);
        await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 1);
        assertThat(asked.getFirst().windowStart()).isEqualTo(21);
        assertThat(asked.getFirst().memoryHits()).isEqualTo(Recall.MEMORY_HITS);
        assertThat(asked.getFirst().searchesMemory()).isTrue();

        Recalled recalled = recall.start("world-1", "story-1", "I ask the harbour master about the bell.", 21)
                .get(5, TimeUnit.SECONDS);

        assertThat(recalled.lore()).extracting(Recalled.RecalledLore::loreEntryId).containsExactly("lore-bell");
        assertThat(asked).hasSize(1);
        // taken once: the same action answered again (a second turn) asks anew, with its own window
        recall.start("world-1", "story-1", "I ask the harbour master about the bell.", 23).get(5, TimeUnit.SECONDS);
        assertThat(asked).hasSize(2);
        assertThat(asked.getLast().windowStart()).isEqualTo(23);
    }

    @Test
    void aStoryTheWindowHoldsWholeSearchesNoMemory() throws Exception {
        // 39 beats and the action: all 40 in the window
        recall.prepare("world-1", "story-1", "I ask the harbour master about the bell.", 39);
        await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 1);
        assertThat(asked.getFirst().windowStart()).isEqualTo(1);
        assertThat(asked.getFirst().searchesMemory()).isFalse();
        // one more beat and the first falls out of the window
        recall.prepare("world-1", "story-2", "I ask the harbour master about the bell.", 40);
        await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 2);
        assertThat(asked.getLast().windowStart()).isEqualTo(2);
        assertThat(asked.getLast().searchesMemory()).isTrue();
    }

    @Test
    void aWindowMovedOnSinceTheAdmissionIsAskedAnew() throws Exception {
        recall.prepare("world-1", "story-1", "I ask the harbour master about the bell.", 59);
        await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 1);

        // another player's action and its narration came first: the window starts two beats later
        recall.start("world-1", "story-1", "I ask the harbour master about the bell.", 23).get(5, TimeUnit.SECONDS);

        assertThat(asked).hasSize(2);
        assertThat(asked.getLast().windowStart()).isEqualTo(23);
    }

    @Test
    void anotherActionOrStoryIsAskedAnewAndALongActionIsMatchedAsClipped() throws Exception {
        String shouted = "I shout across the harbour ".repeat(200);
        recall.prepare("world-1", "story-1", "I ask the harbour master about the bell.", 2);
        recall.prepare("world-1", "story-1", shouted, 2);
        recall.prepare("world-1", "story-1", "   ", 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 2);
        assertThat(asked).extracting(RecallForTurn::action).contains(shouted.substring(0, SearchLore.MAX_TEXT).strip());

        recall.start("world-1", "story-2", "I ask the harbour master about the bell.", 1).get(5, TimeUnit.SECONDS);
        recall.start("world-1", "story-1", "I wait.", 1).get(5, TimeUnit.SECONDS);
        assertThat(asked).hasSize(4);
        recall.start("world-1", "story-1", shouted, 1).get(5, TimeUnit.SECONDS);
        assertThat(asked).as("the clipped action's prepared recall was taken").hasSize(4);
    }

    @Test
    void aPreparedRecallThatFailedIsAskedAgainByTheTurn() throws Exception {
        searchDown.set(true);
        recall.prepare("world-1", "story-1", "I ask the harbour master about the bell.", 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 1);
        searchDown.set(false);

        Recalled recalled = recall.start("world-1", "story-1", "I ask the harbour master about the bell.", 1)
                .get(5, TimeUnit.SECONDS);

        assertThat(recalled.lore()).hasSize(1);
        assertThat(asked).hasSize(2);
    }

    @Test
    void nothingIsAskedAheadForATurnAnotherNodeNarrates() throws Exception {
        Recall elsewhere = new Recall(DefaultQueryGateway.builder().queryBus(bus()).build(), Duration.ofSeconds(5),
                RECENT_BEATS, storyId -> !storyId.equals("story-elsewhere"));

        elsewhere.prepare("world-1", "story-elsewhere", "I ask the harbour master about the bell.", 2);
        elsewhere.prepare("world-1", "story-1", "I ask the harbour master about the bell.", 2);

        await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 1);
        assertThat(asked).extracting(RecallForTurn::storyId).containsExactly("story-1");
    }

    private Recall recall() {
        return new Recall(DefaultQueryGateway.builder().queryBus(bus()).build(), Duration.ofSeconds(5), RECENT_BEATS);
    }

    private SimpleQueryBus bus() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(RecallForTurn.class.getName(), TurnRecall.class, message -> {
            asked.add((RecallForTurn) message.getPayload());
            if (searchDown.get()) {
                throw new IllegalStateException("search is unavailable");
            }
            return new TurnRecall(List.of(new LoreHit("lore-bell", "The Drowned Bell", 0.03,
                    new RetrievalReason(List.of("bell"), 0.7), List.of())), List.of());
        });
        return bus;
    }
}
