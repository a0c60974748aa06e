package io.storyteller.graphql.story;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.TrivialDataFetcher;
import io.storyteller.graphql.ApiTest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * A story update's result is computed once and sent to every watcher of the story
 * ({@code SharedSubscriptionEvents}), so nothing reachable from {@code StoryUpdate} may answer
 * differently for different viewers. Every field there is read from the update itself, except the
 * few listed here, each of which reads only its own parent. A new field with a data fetcher of its
 * own fails this test until it is checked not to depend on the caller and added to the list.
 */
class StoryUpdateFieldsTest extends ApiTest {

    /** Fields with a fetcher of their own; none takes the caller, the context or the environment. */
    private static final Set<String> CHECKED_VIEWER_INDEPENDENT = Set.of(
            "Beat.id", "Beat.flagCategories", "Beat.flagSeverity", "Beat.flagRealWorld", "Beat.flaggedBy",
            "RetrievalReason.description", "HarmVerdict.severities", "ContinuityFact.key");

    @Autowired
    GraphQlSource source;

    @Test
    void every_field_a_story_update_reaches_reads_only_the_update() {
        GraphQLSchema schema = source.schema();
        Set<String> ownFetchers = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<GraphQLObjectType> types = new ArrayDeque<>();
        types.add(schema.getObjectType("StoryUpdate"));
        while (!types.isEmpty()) {
            GraphQLObjectType type = types.pop();
            if (!seen.add(type.getName())) {
                continue;
            }
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                DataFetcher<?> fetcher = schema.getCodeRegistry()
                        .getDataFetcher(FieldCoordinates.coordinates(type, field), field);
                if (!(fetcher instanceof TrivialDataFetcher<?>)) {
                    ownFetchers.add(type.getName() + "." + field.getName());
                }
                GraphQLType fieldType = GraphQLTypeUtil.unwrapAll(field.getType());
                if (fieldType instanceof GraphQLObjectType object) {
                    types.add(object);
                }
            }
        }
        assertThat(seen).contains("Beat", "NarrationProvenance");
        assertThat(ownFetchers).contains("Beat.id", "HarmVerdict.severities"); // the walk sees the controllers' fetchers
        assertThat(ownFetchers).isSubsetOf(CHECKED_VIEWER_INDEPENDENT);
    }
}
