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
 * recall already made instead of asking search again, asking enough older beats for the fullest
 * recent window; anything else (another action, another story, a recall that failed) is asked anew.
 */
class RecallPrepareTest {

    private static final int RECENT_BEATS = 40;

    private final List<RecallForTurn> asked = new CopyOnWriteArrayList<>();
    private final AtomicBoolean searchDown = new AtomicBoolean();
    private final Recall recall = recall();

    @Test
    void theTurnTakesTheRecallPreparedForItsActionWithoutAskingAgain() throws Exception {
        recall.prepare("world-1", "story-1", "I ask the harbour master about the bell.");
        await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 1);
        assertThat(asked.getFirst().memoryHits()).isEqualTo(Recall.MEMORY_HITS + RECENT_BEATS);

        Recalled recalled = recall.start("world-1", "story-1", "I ask the harbour master about the bell.", 3)
                .get(5, TimeUnit.SECONDS);

        assertThat(recalled.lore()).extracting(Recalled.RecalledLore::loreEntryId).containsExactly("lore-bell");
        assertThat(asked).hasSize(1);
        // taken once: the same action answered again (a second turn) asks anew, with its own window
        recall.start("world-1", "story-1", "I ask the harbour master about the bell.", 3).get(5, TimeUnit.SECONDS);
        assertThat(asked).hasSize(2);
        assertThat(asked.getLast().memoryHits()).isEqualTo(Recall.MEMORY_HITS + 3);
    }

    @Test
    void anotherActionOrStoryIsAskedAnewAndALongActionIsMatchedAsClipped() throws Exception {
        String shouted = "I shout across the harbour ".repeat(200);
        recall.prepare("world-1", "story-1", "I ask the harbour master about the bell.");
        recall.prepare("world-1", "story-1", shouted);
        recall.prepare("world-1", "story-1", "   ");
        await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 2);
        assertThat(asked).extracting(RecallForTurn::action).contains(shouted.substring(0, SearchLore.MAX_TEXT).strip());

        recall.start("world-1", "story-2", "I ask the harbour master about the bell.", 3).get(5, TimeUnit.SECONDS);
        recall.start("world-1", "story-1", "I wait.", 3).get(5, TimeUnit.SECONDS);
        assertThat(asked).hasSize(4);
        recall.start("world-1", "story-1", shouted, 3).get(5, TimeUnit.SECONDS);
        assertThat(asked).as("the clipped action's prepared recall was taken").hasSize(4);
    }

    @Test
    void aPreparedRecallThatFailedIsAskedAgainByTheTurn() throws Exception {
        searchDown.set(true);
        recall.prepare("world-1", "story-1", "I ask the harbour master about the bell.");
        await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 1);
        searchDown.set(false);

        Recalled recalled = recall.start("world-1", "story-1", "I ask the harbour master about the bell.", 3)
                .get(5, TimeUnit.SECONDS);

        assertThat(recalled.lore()).hasSize(1);
        assertThat(asked).hasSize(2);
    }

    private Recall recall() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(RecallForTurn.class.getName(), TurnRecall.class, message -> {
            asked.add((RecallForTurn) message.getPayload());
            if (searchDown.get()) {
                throw new IllegalStateException("search is unavailable");
            }
            return new TurnRecall(List.of(new LoreHit("lore-bell", "The Drowned Bell", 0.03,
                    new RetrievalReason(List.of("bell"), 0.7), List.of())), List.of());
        });
        return new Recall(DefaultQueryGateway.builder().queryBus(bus).build(), Duration.ofSeconds(5), RECENT_BEATS);
    }
}
