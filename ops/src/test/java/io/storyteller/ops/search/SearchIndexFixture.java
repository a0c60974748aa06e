package io.storyteller.ops.search;

import io.storyteller.command.embedding.Embeddings;
import io.storyteller.command.housemodel.embedding.SentenceEmbedder;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.schema.TextEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.GetResponse;

/**
 * What the search projections' tests run on: the test JVM's shared OpenSearch node, the bundled
 * embedding model answering {@code EmbedTexts} on a query bus of its own, and events handed to a
 * projection as a streaming processor hands them (domain event messages with their aggregate
 * sequence numbers, through Axon's annotation adapter). Tests use ids of their own, never a reset:
 * application contexts of other tests in this JVM index into the same node.
 */
final class SearchIndexFixture {

    private static OpenSearchClient client;
    private static TextEmbedder embedder;

    private SearchIndexFixture() {
    }

    static synchronized OpenSearchClient client() {
        if (client == null) {
            OpenSearchProperties properties = new OpenSearchProperties(List.of(), null, null, null, null, null,
                    Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2));
            client = OpenSearchClients.create(SharedSearchNode.node(), properties);
        }
        return client;
    }

    static synchronized TextEmbedder embedder() {
        if (embedder == null) {
            SimpleQueryBus bus = SimpleQueryBus.builder().build();
            new AnnotationQueryHandlerAdapter<>(Embeddings.houseOnly(SentenceEmbedder.bundled())).subscribe(bus);
            embedder = new TextEmbedder(DefaultQueryGateway.builder().queryBus(bus).build());
        }
        return embedder;
    }

    /** Hands {@code event}, the {@code sequence}-th event of its aggregate, to the projection. */
    static void deliver(Object projection, String aggregateType, String aggregateId, long sequence, Object event) {
        try {
            new AnnotationEventHandlerAdapter(projection)
                    .handle(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, event));
        } catch (Exception e) {
            throw new IllegalStateException("the projection failed on " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Hands {@code events} to the projection as one batch of a streaming processor: one batching unit
     * of work, committed at the end. With {@code deadLettering}, a handler's failure is caught and the
     * event's id returned, as the processor's dead-letter queue does; otherwise the batch fails.
     */
    static List<String> deliverBatch(Object projection, List<? extends EventMessage<?>> events, boolean deadLettering) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(events));
        List<String> deadLettered = new ArrayList<>();
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            try {
                adapter.handle(event);
            } catch (Exception e) {
                if (!deadLettering) {
                    throw e;
                }
                deadLettered.add(event.getIdentifier());
            }
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("the batch failed", result.exceptionResult());
        }
        return deadLettered;
    }

    /** The {@code sequence}-th event of an aggregate, as a processor delivers it. */
    static EventMessage<?> event(String aggregateType, String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload);
    }

    /** A stored document (real-time get, no refresh needed) and the version it was written at. */
    @SuppressWarnings("unchecked")
    static Optional<Document> document(SearchIndex index, String id) {
        try {
            GetResponse<Map> response = client().get(g -> g.index(index.indexName()).id(id), Map.class);
            return response.found()
                    ? Optional.of(new Document((Map<String, Object>) response.source(), response.version()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vector the embedder gives {@code text}, as the index stores it. */
    static List<Float> vectorOf(String worldId, String text) {
        float[] vector = embedder().embedOne(worldId, text).vector();
        Float[] values = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            values[i] = vector[i];
        }
        return List.of(values);
    }

    record Document(Map<String, Object> source, long version) {

        Object get(String field) {
            return source.get(field);
        }

        @SuppressWarnings("unchecked")
        List<Float> embedding() {
            // a float's shortest decimal form reads back to the same float
            return ((List<Number>) source.get("embedding_384")).stream().map(Number::floatValue).toList();
        }
    }
}
