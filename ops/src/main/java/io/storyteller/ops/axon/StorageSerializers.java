package io.storyteller.ops.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.ops.storage.StoredJson;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon's serializers (general, events, messages), all JSON through an ObjectMapper of their own.
 * <p>
 * Axon would otherwise reuse Spring's web ObjectMapper, and a {@code spring.jackson.*} setting
 * would silently change how events, tokens and sagas are stored. The mapper is not a bean on purpose.
 */
@Configuration(proxyBeanMethods = false)
public class StorageSerializers {

    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        return jackson(revisionResolver);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(RevisionResolver revisionResolver) {
        return jackson(revisionResolver);
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(RevisionResolver revisionResolver) {
        return jackson(revisionResolver);
    }

    /** The stored JSON format ({@link StoredJson}). */
    public static ObjectMapper storageObjectMapper() {
        return StoredJson.mapper();
    }

    private static Serializer jackson(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .objectMapper(storageObjectMapper())
                .revisionResolver(revisionResolver)
                .build();
    }
}
