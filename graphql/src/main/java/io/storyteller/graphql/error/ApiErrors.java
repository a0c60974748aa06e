package io.storyteller.graphql.error;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.RejectionKind;
import io.storyteller.domain.shared.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.sql.SQLException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;

/**
 * The one place where a failure becomes a GraphQL error. Domain rejections keep their message and
 * name the field and rule; anything unexpected is logged here with an error id and reaches the
 * client as that id only, never as an exception message or stack trace.
 */
public final class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private static final int MAX_CAUSES = 16;

    private ApiErrors() {
    }

    /**
     * @param error     a builder already holding the path and location, when there are any
     * @param arguments the field's arguments, to name the argument that addressed a missing aggregate
     */
    public static GraphQLError translate(Throwable thrown, GraphqlErrorBuilder<?> error, Map<String, Object> arguments) {
        List<Throwable> causes = causes(thrown);
        for (Throwable cause : causes) {
            Violation violation = violation(cause);
            if (violation != null && violation.kind() == RejectionKind.NOT_FOUND && violation.field() == null) {
                // a missing aggregate, named by its id only: the argument that held it is the field
                String field = argumentNamedIn(arguments, violation.message());
                return error.errorType(ErrorType.NOT_FOUND)
                        .message(("no " + field + " " + (arguments.get(field) instanceof String id ? id : "")).strip())
                        .extensions(extensions(field, violation.rule())).build();
            }
            if (violation != null) {
                return error.errorType(classify(violation.kind())).message(violation.message())
                        .extensions(extensions(violation.field(), violation.rule())).build();
            }
        }
        for (Throwable cause : causes) {
            switch (cause) {
                case AggregateNotFoundException missing -> {
                    String id = String.valueOf(missing.getAggregateIdentifier());
                    String field = argumentHolding(arguments, id);
                    return error.errorType(ErrorType.NOT_FOUND)
                            .message("no " + field + " " + id)
                            .extensions(extensions(field, "exists")).build();
                }
                case IncompatibleAggregateException otherType -> {
                    // an id of another aggregate type, e.g. a world's id given as storyId: no such story
                    String field = argumentNamedIn(arguments, otherType.getMessage());
                    return error.errorType(ErrorType.NOT_FOUND)
                            .message("no " + field + " " + arguments.getOrDefault(field, ""))
                            .extensions(extensions(field, "exists")).build();
                }
                case SQLException data when isDataException(data) -> {
                    // the database refused a value the request carried (e.g. a NUL character), not a fault of ours
                    log.debug("A request's value was refused by the database", thrown);
                    return error.errorType(ErrorType.BAD_REQUEST)
                            .message("a value in this request cannot be stored (it may hold a NUL or another character no text column takes)")
                            .extensions(extensions("input", "storable")).build();
                }
                case AggregateStreamCreationException taken -> {
                    return error.errorType(ApiErrorType.CONFLICT).message("an entity with this id already exists")
                            .extensions(extensions("id", "unique")).build();
                }
                case ConcurrencyException concurrent -> {
                    return concurrentChange(error);
                }
                case ConflictingModificationException concurrent -> {
                    return concurrentChange(error);
                }
                case WatcherTooSlow slow -> {
                    return error.errorType(ApiErrorType.UNAVAILABLE)
                            .message("this subscription fell behind its updates and was ended; subscribe again")
                            .extensions(extensions("subscription", "keep-up")).build();
                }
                case AuthenticationException ignored -> {
                    return error.errorType(ErrorType.UNAUTHORIZED).message("authentication required").build();
                }
                case AccessDeniedException ignored -> {
                    return error.errorType(ErrorType.FORBIDDEN).message("access denied").build();
                }
                case BindException binding -> {
                    FieldError field = binding.getFieldError();
                    String name = field == null ? "input" : field.getField();
                    return error.errorType(ErrorType.BAD_REQUEST).message(name + " has an invalid value")
                            .extensions(extensions(name, "type")).build();
                }
                default -> {
                }
            }
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected failure, error id {}", errorId, thrown);
        return error.errorType(ErrorType.INTERNAL_ERROR)
                .message("internal error (error id " + errorId + ")")
                .extensions(Map.of("errorId", errorId)).build();
    }

    private static GraphQLError concurrentChange(GraphqlErrorBuilder<?> error) {
        return error.errorType(ApiErrorType.CONFLICT).message("changed concurrently by another request; try again")
                .extensions(extensions("id", "concurrent-change")).build();
    }

    /** SQLSTATE class 22: a data exception, caused by a value (bad encoding, NUL, too long), never by the statement. */
    private static boolean isDataException(SQLException exception) {
        return exception.getSQLState() != null && exception.getSQLState().startsWith("22");
    }

    /**
     * The argument holding the id of an aggregate that failed to load: the one whose value the
     * message names, else the first argument that holds an id ({@code id} or {@code ...Id}).
     */
    private static String argumentNamedIn(Map<String, Object> arguments, String message) {
        String text = message == null ? "" : message;
        return arguments.entrySet().stream()
                .filter(argument -> argument.getValue() instanceof String value && !value.isEmpty() && text.contains(value))
                .map(Map.Entry::getKey)
                .findFirst()
                .or(() -> arguments.entrySet().stream()
                        .filter(argument -> argument.getValue() instanceof String
                                && (argument.getKey().equals("id") || argument.getKey().endsWith("Id")))
                        .map(Map.Entry::getKey)
                        .findFirst())
                .orElse("id");
    }

    /** Across Axon Server only the details survive, not the exception's class. */
    private static Violation violation(Throwable cause) {
        if (cause instanceof DomainRejection rejection) {
            return rejection.violation();
        }
        return cause instanceof HandlerExecutionException execution
                && execution.getDetails().orElse(null) instanceof Violation violation ? violation : null;
    }

    private static ErrorClassification classify(RejectionKind kind) {
        return switch (kind) {
            case INVALID -> ErrorType.BAD_REQUEST;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case CONFLICT -> ApiErrorType.CONFLICT;
            case UNAVAILABLE -> ApiErrorType.UNAVAILABLE;
            case null -> ErrorType.BAD_REQUEST;
        };
    }

    private static String argumentHolding(Map<String, Object> arguments, String aggregateId) {
        return arguments.entrySet().stream()
                .filter(argument -> Objects.equals(String.valueOf(argument.getValue()), aggregateId))
                .map(Map.Entry::getKey)
                .findFirst().orElse("id");
    }

    private static Map<String, Object> extensions(String field, String rule) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (field != null) {
            extensions.put("field", field);
        }
        if (rule != null) {
            extensions.put("rule", rule);
        }
        return extensions;
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = thrown; t != null && causes.size() < MAX_CAUSES && !causes.contains(t); t = t.getCause()) {
            causes.add(t);
        }
        return causes;
    }
}
