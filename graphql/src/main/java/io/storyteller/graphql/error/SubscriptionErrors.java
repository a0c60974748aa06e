package io.storyteller.graphql.error;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/** Maps a failing subscription stream through {@link ApiErrors}; the client gets it as the "error" message. */
@Component
@Order(0)
public class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception) {
        return ApiErrors.translate(exception, GraphqlErrorBuilder.newError(), Map.of());
    }
}
