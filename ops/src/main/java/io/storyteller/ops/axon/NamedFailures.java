package io.storyteller.ops.axon;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.RejectionKind;
import io.storyteller.domain.shared.Violation;
import io.storyteller.domain.shared.Violations;
import java.sql.SQLException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;

/**
 * The store's own failures of a command or query that a client caused, named as a
 * {@link Violation} where they happen. Across Axon Server a failure arrives as its message and its
 * details only, never as its class: an aggregate that does not exist, one created twice, a race
 * or a value the database refused would all reach the client as an internal error there, while the
 * local bus let the API read their classes. Named here, they mean the same on both.
 */
final class NamedFailures {

    private static final int MAX_CAUSES = 16;
    private static final String DUPLICATE_KEY = DuplicateKeys.UNIQUE_VIOLATION;

    private NamedFailures() {
    }

    /** The failure to report: a rejection naming the rule when the store's failure has one, else the failure itself. */
    static Throwable named(Throwable failure) {
        if (failure == null || Violations.in(failure).isPresent()) {
            return failure;
        }
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            Violation violation = violation(cause);
            if (violation != null) {
                return new DomainRejection(violation);
            }
            if (cause instanceof HandlerExecutionException) {
                break; // a handler's own failure, not the store's
            }
        }
        return failure;
    }

    private static Violation violation(Throwable cause) {
        return switch (cause) {
            // the id alone: the API names the argument that held it
            case AggregateNotFoundException missing ->
                    new Violation(RejectionKind.NOT_FOUND, null, Violations.EXISTS, String.valueOf(missing.getAggregateIdentifier()));
            case IncompatibleAggregateException otherType ->
                    new Violation(RejectionKind.NOT_FOUND, null, Violations.EXISTS, String.valueOf(otherType.getMessage()));
            case AggregateStreamCreationException taken ->
                    new Violation(RejectionKind.CONFLICT, "id", Violations.UNIQUE, "an entity with this id already exists");
            case ConcurrencyException race -> concurrentChange();
            case ConflictingModificationException race -> concurrentChange();
            case SQLException sql when DUPLICATE_KEY.equals(sql.getSQLState()) -> concurrentChange();
            // SQLSTATE class 22: a data exception, caused by a value (bad encoding, NUL, too long), never by the statement
            case SQLException sql when sql.getSQLState() != null && sql.getSQLState().startsWith("22") ->
                    new Violation(RejectionKind.INVALID, "input", "storable",
                            "a value in this request cannot be stored (it may hold a NUL or another character no text column takes)");
            default -> null;
        };
    }

    private static Violation concurrentChange() {
        return new Violation(RejectionKind.CONFLICT, "id", Violations.CONCURRENT_CHANGE,
                "changed concurrently by another request; try again");
    }
}
