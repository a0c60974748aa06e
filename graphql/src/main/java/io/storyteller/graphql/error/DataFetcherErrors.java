package io.storyteller.graphql.error;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/** Maps every query and mutation failure through {@link ApiErrors}; ordered first so nothing else answers. */
@Component
@Order(0)
public class DataFetcherErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        return ApiErrors.translate(exception, GraphqlErrorBuilder.newError(environment), environment.getArguments());
    }
}
