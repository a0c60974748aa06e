package io.storyteller.command.embedding;

import io.storyteller.command.housemodel.embedding.SentenceEmbedder;
import io.storyteller.command.runtime.EmbeddingRuntimes;
import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.command.slot.StageSlots;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedder: the bundled model, loaded once and closed with the application, and the worlds' embedder slots. */
@Configuration(proxyBeanMethods = false)
public class EmbeddingConfiguration {

    @Bean(destroyMethod = "close")
    SentenceEmbedder sentenceEmbedder() {
        return SentenceEmbedder.bundled();
    }

    /**
     * Vectors kept in the application's database: a rebuild of the search indexes embeds no text
     * twice. Written behind the embedding calls, so a turn never waits for the insert.
     */
    @Bean(destroyMethod = "close")
    WriteBehindVectors keptVectors(DataSource dataSource) {
        return new WriteBehindVectors(new VectorTable(dataSource));
    }

    @Bean
    Embeddings embeddings(SentenceEmbedder house, StageSlots slots, EmbeddingRuntimes runtimes, LocalOnnxModels local,
                          KeptVectors kept) {
        return new Embeddings(house, slots, runtimes, local, kept);
    }
}
