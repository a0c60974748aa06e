package io.storyteller.domain.shared;

import java.util.Optional;
import org.axonframework.messaging.HandlerExecutionException;

/**
 * The broken rule behind a failed command or query, wherever it was handled. On the local bus the
 * sender sees the handler's {@link DomainRejection} itself; across Axon Server only the
 * exception's details arrive, in a {@link HandlerExecutionException} of another class. Senders
 * that act on a rejection read it here, so they behave alike on both.
 */
public final class Violations {

    /** A rule the store's own failures are named by (see the buses' failure translation). */
    public static final String EXISTS = "exists";
    public static final String UNIQUE = "unique";
    public static final String CONCURRENT_CHANGE = "concurrent-change";

    private static final int MAX_CAUSES = 16;

    private Violations() {
    }

    public static Optional<Violation> in(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof DomainRejection rejection) {
                return Optional.of(rejection.violation());
            }
            if (cause instanceof HandlerExecutionException execution
                    && execution.getDetails().orElse(null) instanceof Violation violation) {
                return Optional.of(violation);
            }
        }
        return Optional.empty();
    }

    /** The command or query named an aggregate that does not exist (or is of another type). */
    public static boolean isMissingAggregate(Throwable failure) {
        return in(failure).filter(v -> v.kind() == RejectionKind.NOT_FOUND && v.field() == null && EXISTS.equals(v.rule()))
                .isPresent();
    }

    /** The store refused the events: another writer got there first (a stream created twice, or a race). */
    public static boolean isConcurrentWrite(Throwable failure) {
        return in(failure).filter(v -> v.kind() == RejectionKind.CONFLICT && "id".equals(v.field())
                && (UNIQUE.equals(v.rule()) || CONCURRENT_CHANGE.equals(v.rule()))).isPresent();
    }
}
