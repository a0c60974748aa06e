package io.storyteller.domain.retrieval;

import io.storyteller.domain.shared.RejectionKind;
import io.storyteller.domain.shared.Violation;
import org.axonframework.queryhandling.QueryExecutionException;

/**
 * The search service (OpenSearch) cannot answer now; the request may succeed later. It carries its
 * {@link Violation} as the exception's details, the only part of a failure that crosses Axon Server,
 * so a client is told the same on both buses. The message is for the client; what went wrong is the
 * cause, for the server's log.
 */
public class SearchUnavailable extends QueryExecutionException {

    public static final String MESSAGE = "search is unavailable now; try again later";

    public SearchUnavailable(Throwable cause) {
        super(MESSAGE, cause, new Violation(RejectionKind.UNAVAILABLE, "search", "available", MESSAGE));
    }
}
