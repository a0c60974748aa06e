package io.storyteller.ops.storage.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.Consumer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * One step in the history of a stored event's shape: it takes the event's JSON from one revision
 * ({@code null}: stored before the class had a {@code @Revision}) to the next, changing the payload
 * in place. Events of other types or revisions pass untouched, so the chain of steps carries an
 * event from whatever revision it was stored in up to its class's current one.
 */
public final class PayloadRevisionStep extends SingleEventUpcaster {

    private final String payloadType;
    private final String fromRevision;
    private final String toRevision;
    private final Consumer<ObjectNode> change;

    private PayloadRevisionStep(String payloadType, String fromRevision, String toRevision, Consumer<ObjectNode> change) {
        this.payloadType = Objects.requireNonNull(payloadType);
        this.fromRevision = fromRevision;
        this.toRevision = Objects.requireNonNull(toRevision);
        this.change = Objects.requireNonNull(change);
    }

    /** Takes events of {@code eventClass} stored in {@code fromRevision} (null: none) to {@code toRevision}. */
    public static PayloadRevisionStep of(Class<?> eventClass, String fromRevision, String toRevision,
            Consumer<ObjectNode> change) {
        return new PayloadRevisionStep(eventClass.getName(), fromRevision, toRevision, change);
    }

    public String payloadType() {
        return payloadType;
    }

    public String fromRevision() {
        return fromRevision;
    }

    public String toRevision() {
        return toRevision;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return payloadType.equals(representation.getType().getName())
                && Objects.equals(fromRevision, representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(payloadType, toRevision), JsonNode.class, json -> {
            if (!(json instanceof ObjectNode object)) {
                throw new IllegalStateException(payloadType + " revision " + fromRevision + " is not a JSON object: " + json);
            }
            ObjectNode upcast = object.deepCopy();
            change.accept(upcast);
            return upcast;
        });
    }

    @Override
    public String toString() {
        return payloadType + " " + fromRevision + " -> " + toRevision;
    }
}
