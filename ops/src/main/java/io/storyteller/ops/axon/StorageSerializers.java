package io.storyteller.ops.axon;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
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

    /** Above any request body the API accepts (64 KiB), so only a handler's rule refuses a long key. */
    private static final int MAX_WIRE_NAME_LENGTH = 1 << 20;

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

    /**
     * Commands, queries and their answers as they cross Axon Server. Default typing names the class
     * of each value held where the declared type does not (a query answering a list, an
     * {@code Object} field): without it a list of views arrives as a list of maps, and a query of
     * {@code multipleInstancesOf} fails on Axon Server while it works on the local bus. Only the
     * project's own types and the JDK's value and collection types may be named.
     */
    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(RevisionResolver revisionResolver) {
        ObjectMapper mapper = storageObjectMapper();
        // A map's key is a client's text like any other: the handler, not the parser, says it is too long.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNameLength(MAX_WIRE_NAME_LENGTH).build());
        mapper.setPolymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("io.storyteller.")
                .allowIfSubType("java.util.")
                .allowIfSubType("java.time.")
                .allowIfSubType("java.math.")
                .allowIfSubType(String.class)
                .allowIfSubType(Number.class)
                .allowIfSubType(Boolean.class)
                .allowIfSubTypeIsArray()
                .build());
        return JacksonSerializer.builder()
                .objectMapper(mapper)
                .defaultTyping()
                .revisionResolver(revisionResolver)
                .build();
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
