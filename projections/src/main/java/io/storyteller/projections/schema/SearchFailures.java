package io.storyteller.projections.schema;

import java.util.OptionalInt;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * What OpenSearch answered when a request failed. The client reports an error answer either as an
 * {@link OpenSearchException} or, from the Apache HttpClient 5 transport, as a {@link ResponseException}
 * (an {@code IOException}, possibly wrapped); an expected answer such as 409 (a newer version is
 * stored) or 404 (no such index) must be told apart from an unreachable cluster in both shapes.
 */
public final class SearchFailures {

    private SearchFailures() {
    }

    /** The HTTP status OpenSearch answered with, if the failure is an answer at all. */
    public static OptionalInt status(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OpenSearchException answered) {
                return OptionalInt.of(answered.status());
            }
            if (cause instanceof ResponseException answered) {
                return OptionalInt.of(answered.status());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return OptionalInt.empty();
    }

    /** True when OpenSearch answered with {@code status}. */
    public static boolean answered(Throwable failure, int status) {
        return status(failure).stream().anyMatch(code -> code == status);
    }

    /** True when OpenSearch answered with an error of this type, e.g. {@code resource_already_exists_exception}. */
    public static boolean ofType(Throwable failure, String type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OpenSearchException answered && type.equals(answered.error().type())) {
                return true;
            }
            // the transport's exception carries the answer's JSON body in its message
            if (cause instanceof ResponseException answered && String.valueOf(answered.getMessage()).contains("\"type\":\"" + type + "\"")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
