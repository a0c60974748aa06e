package io.storyteller.command.embedding;

import io.storyteller.command.housemodel.embedding.SentenceEmbedder;
import io.storyteller.command.runtime.EmbeddingRuntimes;
import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.command.slot.StageSlots;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedder: the bundled model, loaded once and closed with the application, and the worlds' embedder slots. */
@Configuration(proxyBeanMethods = false)
public class EmbeddingConfiguration {

    @Bean(destroyMethod = "close")
    SentenceEmbedder sentenceEmbedder() {
        return SentenceEmbedder.bundled();
    }

    @Bean
    Embeddings embeddings(SentenceEmbedder house, StageSlots slots, EmbeddingRuntimes runtimes, LocalOnnxModels local) {
        return new Embeddings(house, slots, runtimes, local);
    }
}
