package io.storyteller.command.housemodel.embedding;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bundled embedding model, loaded once and closed with the application. */
@Configuration(proxyBeanMethods = false)
public class EmbeddingConfiguration {

    @Bean(destroyMethod = "close")
    SentenceEmbedder sentenceEmbedder() {
        return SentenceEmbedder.bundled();
    }

    @Bean
    Embeddings embeddings(SentenceEmbedder embedder) {
        return new Embeddings(embedder);
    }
}
