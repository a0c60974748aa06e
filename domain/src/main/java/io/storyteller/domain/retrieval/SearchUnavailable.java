package io.storyteller.domain.retrieval;

/** The search service (OpenSearch) cannot answer now; the request may succeed later. */
public class SearchUnavailable extends RuntimeException {

    public SearchUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
