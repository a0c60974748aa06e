package io.storyteller.projections.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.retrieval.EmbedTexts;
import io.storyteller.domain.retrieval.TextEmbeddings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.Test;

/** A batch's texts are embedded in as few {@link EmbedTexts} as the embedder allows, each text once. */
class TextEmbedderTest {

    /** Answers each text with a one-dimensional vector of its number, recording what it was asked. */
    static final class Numbering {

        final List<List<String>> asked = new ArrayList<>();

        @QueryHandler
        TextEmbeddings handle(EmbedTexts query) {
            asked.add(query.texts());
            return new TextEmbeddings("lab:numbers", "1", 1, query.texts().stream()
                    .map(text -> new float[] {Float.parseFloat(text.substring(5))}).toList());
        }
    }

    @Test
    void manyTextsAreAskedInChunksOfTheMostOneQueryHoldsAndEachDistinctTextOnce() {
        Numbering numbering = new Numbering();
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(numbering).subscribe(bus);
        TextEmbedder embedder = new TextEmbedder(DefaultQueryGateway.builder().queryBus(bus).build());
        List<String> texts = new ArrayList<>(IntStream.range(0, 600).mapToObj(i -> "text " + i).toList());
        texts.addAll(List.of("text 3", "text 599"));

        Map<String, TextEmbedder.Embedded> embedded = embedder.embedAll("w1", texts);

        assertThat(numbering.asked).extracting(List::size).containsExactly(EmbedTexts.MAX_TEXTS, EmbedTexts.MAX_TEXTS, 88);
        assertThat(embedded).hasSize(600);
        assertThat(embedded.get("text 599").vector()).containsExactly(599f);
        assertThat(embedded.get("text 3").embedder()).isEqualTo("lab:numbers@1");
    }
}
