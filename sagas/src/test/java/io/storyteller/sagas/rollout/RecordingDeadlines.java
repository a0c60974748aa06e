package io.storyteller.sagas.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;

/** A deadline manager for a saga used outside Axon (no current scope): it only remembers what is pending. */
class RecordingDeadlines implements DeadlineManager {

    private final Map<String, Object> pending = new LinkedHashMap<>();
    private int ids;

    Map<String, Object> pending() {
        return pending;
    }

    /** The deadline fires: it is no longer pending, and its payload goes to the saga. */
    AnalysisDue fire(String scheduleId) {
        return (AnalysisDue) pending.remove(scheduleId);
    }

    @Override
    public String schedule(Duration triggerDuration, String deadlineName, Object payload) {
        String id = deadlineName + "#" + ++ids;
        pending.put(id, payload);
        return id;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object payload, ScopeDescriptor scope) {
        return schedule(Duration.ZERO, deadlineName, payload);
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        if (pending.remove(scheduleId) == null) {
            // db-scheduler refuses too, and would fail the whole unit of work
            throw new IllegalStateException("no pending deadline " + scheduleId);
        }
    }

    @Override
    public void cancelAll(String deadlineName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super DeadlineMessage<?>> interceptor) {
        return () -> true;
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super DeadlineMessage<?>> interceptor) {
        return () -> true;
    }
}
