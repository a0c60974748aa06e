package io.storyteller.graphql.limits;

import graphql.execution.ExecutionContext;
import graphql.language.Field;
import graphql.language.Selection;

/**
 * Whether an operation only asks about the schema. The standard introspection query that GraphiQL and
 * code generators send nests deeper than any data query, and graphql-java already bounds
 * introspection with its good-faith checks, so the depth and complexity limits leave it alone.
 */
final class IntrospectionOnly {

    private IntrospectionOnly() {
    }

    static boolean test(ExecutionContext context) {
        var selections = context.getOperationDefinition().getSelectionSet().getSelections();
        return !selections.isEmpty() && selections.stream().allMatch(IntrospectionOnly::isIntrospectionField);
    }

    private static boolean isIntrospectionField(Selection<?> selection) {
        return selection instanceof Field field && field.getName().startsWith("__");
    }
}
