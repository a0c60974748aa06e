package io.storyteller.command.narration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.retrieval.EmbedTexts;
import io.storyteller.domain.retrieval.SearchLore;
import io.storyteller.domain.retrieval.TextEmbeddings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;

/**
 * An admitted action is embedded ahead of its turn with exactly the text the turn's recall will
 * embed (clipped as the recall clips it), off the caller's thread, and a failing embedder costs the
 * caller nothing.
 */
class RecallPrepareTest {

    private final List<EmbedTexts> asked = new CopyOnWriteArrayList<>();

    @Test
    void theActionIsEmbeddedAheadAsTheRecallWillAskForIt() {
        Recall recall = recall(false);
        String shouted = "I shout across the harbour ".repeat(200);

        recall.prepare("world-1", "I ask the harbour master about the bell.");
        recall.prepare("world-1", shouted);
        recall.prepare("world-1", "   ");

        await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 2);
        assertThat(asked).extracting(EmbedTexts::worldId).containsOnly("world-1");
        assertThat(asked).flatExtracting(EmbedTexts::texts).containsExactlyInAnyOrder(
                "I ask the harbour master about the bell.", shouted.substring(0, SearchLore.MAX_TEXT));
    }

    @Test
    void aFailingEmbedderCostsTheCallerNothing() {
        Recall recall = recall(true);

        recall.prepare("world-1", "I ask the harbour master about the bell.");

        await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 1);
    }

    private Recall recall(boolean failing) {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(EmbedTexts.class.getName(), TextEmbeddings.class, message -> {
            EmbedTexts query = (EmbedTexts) message.getPayload();
            asked.add(query);
            if (failing) {
                throw new IllegalStateException("the embedder is down");
            }
            return new TextEmbeddings("house", "1", 2, query.texts().stream().map(text -> new float[] {1f, 0f}).toList());
        });
        return new Recall(DefaultQueryGateway.builder().queryBus(bus).build(), Duration.ofSeconds(5));
    }
}
