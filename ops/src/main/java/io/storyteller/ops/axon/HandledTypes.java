package io.storyteller.ops.axon;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;

/**
 * One group of an event processor's handlers (a processing group's beans, or a saga's manager),
 * asked once per payload type whether they handle it and once whether they support a reset,
 * instead of for every event.
 * <p>
 * A pooled processor's coordinator asks its handlers about every event in the log, once per
 * segment, and each time Axon walks the annotated handler methods of every handler bean: for a
 * processor that handles a few event types, most of its replay went to telling the others apart,
 * and during a replay each of those questions first walked every handler again to see whether it
 * supports a reset. The answers depend only on the handlers' declared types and annotations,
 * fixed when the processor is built, so they are kept: an event whose payload type no handler
 * declares is refused at once; one whose type some handler declares is still asked about in
 * full, so a handler's other conditions (its segment, its parameters) decide as before.
 */
final class HandledTypes implements EventHandlerInvoker {

    private final EventHandlerInvoker delegate;
    private final ClassValue<Boolean> handles = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> payloadType) {
            return delegate.canHandleType(payloadType);
        }
    };
    private final boolean supportsReset;

    private HandledTypes(EventHandlerInvoker delegate) {
        this.delegate = delegate;
        this.supportsReset = delegate.supportsReset();
    }

    /**
     * The processor's handlers with their answers kept: each of a {@link MultiEventHandlerInvoker}'s
     * parts (the handler beans of one processing group, or a saga's manager) on its own, since the
     * multi-invoker asks each part whether it supports a reset, for every event of a replay.
     */
    static EventHandlerInvoker of(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return new MultiEventHandlerInvoker(multi.delegates().stream()
                    .<EventHandlerInvoker>map(HandledTypes::new).toList());
        }
        return new HandledTypes(invoker);
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        return handles.get(eventMessage.getPayloadType()) && delegate.canHandle(eventMessage, segment);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return handles.get(payloadType);
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        if (handles.get(message.getPayloadType())) {
            delegate.handle(message, segment);
        }
    }

    @Override
    public boolean supportsReset() {
        return supportsReset;
    }

    @Override
    public void performReset() {
        delegate.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        delegate.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        delegate.segmentReleased(segment);
    }
}
