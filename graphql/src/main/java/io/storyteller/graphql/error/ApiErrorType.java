package io.storyteller.graphql.error;

import graphql.ErrorClassification;

/** Error classifications beside Spring GraphQL's {@code ErrorType}, shown as {@code extensions.classification}. */
public enum ApiErrorType implements ErrorClassification {
    /** The thing exists but its state forbids the request now; retrying after a change may succeed. */
    CONFLICT,
    /** The request body is larger than {@code storyteller.graphql.max-request-bytes}. */
    PAYLOAD_TOO_LARGE,
    /** A service the request needs (e.g. search) cannot answer now; retrying later may succeed. */
    UNAVAILABLE
}
