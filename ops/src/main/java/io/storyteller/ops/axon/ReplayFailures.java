package io.storyteller.ops.axon;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Replayed events whose handlers failed without a savepoint of their own. The batch such an event
 * was in must not commit (the event may be half-written, or the transaction aborted), so it is
 * rolled back when it prepares to commit; the processor handles the batch again, and then the
 * remembered event takes a savepoint, is dead-lettered alone, and is forgotten once that batch
 * commits.
 */
final class ReplayFailures {

    /** Remembered until retried; a bound in case one never comes back. */
    private static final int MAX_REMEMBERED = 100_000;
    private static final String MARKED = ReplayFailures.class.getName() + ".marked";
    private static final String RETRIED = ReplayFailures.class.getName() + ".retried";

    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    /** Whether the event is replayed and has not failed before: it is handled without a savepoint. */
    boolean needsNoSavepoint(EventMessage<?> event) {
        if (!ReplayToken.isReplay(event)) {
            return false;
        }
        if (!failed.contains(event.getIdentifier())) {
            return true;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Set<String> retried = root.getOrComputeResource(RETRIED, key -> {
            Set<String> ids = new HashSet<>();
            root.afterCommit(unitOfWork -> failed.removeAll(ids));
            return ids;
        });
        retried.add(event.getIdentifier());
        return false;
    }

    /** A handler failed on the event without a savepoint: its batch is rolled back and handled again. */
    void failed(EventMessage<?> event) {
        if (failed.size() < MAX_REMEMBERED) {
            failed.add(event.getIdentifier());
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.getOrComputeResource(MARKED, key -> {
            root.onPrepareCommit(unitOfWork -> {
                throw new ReplayedEventFailed(event.getIdentifier());
            });
            return Boolean.TRUE;
        });
    }

    /** Rolls back a replayed batch in which an event failed without a savepoint, to be handled again. */
    static final class ReplayedEventFailed extends RuntimeException {

        ReplayedEventFailed(String eventId) {
            super("replayed event " + eventId + " failed without a savepoint; its batch is handled again with one");
        }
    }
}
