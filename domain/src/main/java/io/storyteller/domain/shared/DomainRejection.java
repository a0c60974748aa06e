package io.storyteller.domain.shared;

import org.axonframework.commandhandling.CommandExecutionException;

/**
 * A command turned down by the domain. It is a {@link CommandExecutionException} so that its
 * {@link Violation} travels as the exception's details, also across a distributed command bus.
 */
public class DomainRejection extends CommandExecutionException {

    private final Violation violation;

    public DomainRejection(Violation violation) {
        super(violation.message(), null, violation);
        this.violation = violation;
    }

    public static DomainRejection invalid(String field, String rule, String message) {
        return new DomainRejection(new Violation(RejectionKind.INVALID, field, rule, message));
    }

    public static DomainRejection forbidden(String rule, String message) {
        return new DomainRejection(new Violation(RejectionKind.FORBIDDEN, "actor", rule, message));
    }

    public static DomainRejection notFound(String field, String message) {
        return new DomainRejection(new Violation(RejectionKind.NOT_FOUND, field, "exists", message));
    }

    public static DomainRejection conflict(String field, String rule, String message) {
        return new DomainRejection(new Violation(RejectionKind.CONFLICT, field, rule, message));
    }

    public static DomainRejection unavailable(String field, String rule, String message) {
        return new DomainRejection(new Violation(RejectionKind.UNAVAILABLE, field, rule, message));
    }

    public Violation violation() {
        return violation;
    }
}
