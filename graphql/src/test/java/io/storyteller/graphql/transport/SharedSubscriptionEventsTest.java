package io.storyteller.graphql.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

class SharedSubscriptionEventsTest {

    private static final String SDL = """
            type Query { nothing: String }
            type Subscription { events(prefix: String): Update! }
            type Update { id: ID! text: String loud(prefix: String): String broken: String }
            """;

    /** What the subscription streams; events of other types are not shared. */
    record Update(String id, String text) {
    }

    record Unshared(String id, String text) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger loudCalls = new AtomicInteger();
    private List<Object> events = List.of(new Update("u1", "the gate opens"), new Update("u2", "a bell rings"));

    private final GraphQL graphQl = GraphQL.newGraphQL(schema())
            .subscriptionExecutionStrategy(new SharedSubscriptionEvents(new SimpleDataFetcherExceptionHandler(),
                    event -> event instanceof Update, json))
            .build();

    private GraphQLSchema schema() {
        DataFetcher<Publisher<Object>> stream = env -> Flux.fromIterable(events);
        DataFetcher<String> loud = env -> {
            loudCalls.incrementAndGet();
            String prefix = env.getArgument("prefix");
            return (prefix == null ? "" : prefix) + text(env.getSource()).toUpperCase();
        };
        DataFetcher<String> broken = env -> {
            throw new IllegalStateException("no such thing");
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Subscription", type -> type.dataFetcher("events", stream))
                .type("Update", type -> type.dataFetcher("loud", loud).dataFetcher("broken", broken)
                        .dataFetcher("id", env -> env.getSource() instanceof Update u ? u.id() : ((Unshared) env.getSource()).id())
                        .dataFetcher("text", env -> text(env.getSource())))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }

    private static String text(Object source) {
        return source instanceof Update u ? u.text() : ((Unshared) source).text();
    }

    private List<ExecutionResult> subscribe(String query, Map<String, Object> variables) {
        ExecutionResult started = graphQl.execute(ExecutionInput.newExecutionInput(query).variables(variables).build());
        assertThat(started.getErrors()).isEmpty();
        Publisher<ExecutionResult> results = started.getData();
        return Flux.from(results).collectList().block();
    }

    private List<ExecutionResult> subscribe(String query) {
        return subscribe(query, Map.of());
    }

    @Test
    void subscribers_with_the_same_selection_share_each_event_s_result() throws Exception {
        String query = "subscription { events { id loud } }";
        List<ExecutionResult> first = subscribe(query);
        List<ExecutionResult> second = subscribe(query);

        assertThat(loudCalls).hasValue(2); // once per event, not once per event and subscriber
        assertThat(second).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(second.get(i).<Map<String, Object>>getData()).isEqualTo(first.get(i).getData());
            assertThat(json.writeValueAsString(second.get(i).toSpecification()))
                    .isEqualTo(json.writeValueAsString(first.get(i).toSpecification()));
        }
        assertThat(json.writeValueAsString(second.get(0).toSpecification()))
                .isEqualTo("{\"data\":{\"events\":{\"id\":\"u1\",\"loud\":\"THE GATE OPENS\"}}}");
    }

    @Test
    void a_different_selection_an_alias_or_other_variables_are_completed_on_their_own() {
        subscribe("subscription { events { id loud } }");
        List<ExecutionResult> aliased = subscribe("subscription { events { id shout: loud } }");
        List<ExecutionResult> withPrefix = subscribe("subscription($p: String) { events { id loud(prefix: $p) } }",
                Map.of("p", "> "));
        List<ExecutionResult> otherPrefix = subscribe("subscription($p: String) { events { id loud(prefix: $p) } }",
                Map.of("p", ">> "));

        assertThat(loudCalls).hasValue(8);
        assertThat(aliased.getFirst().<Map<String, Map<String, Object>>>getData().get("events"))
                .containsEntry("shout", "THE GATE OPENS");
        assertThat(withPrefix.getFirst().<Map<String, Map<String, Object>>>getData().get("events"))
                .containsEntry("loud", "> THE GATE OPENS");
        assertThat(otherPrefix.getFirst().<Map<String, Map<String, Object>>>getData().get("events"))
                .containsEntry("loud", ">> THE GATE OPENS");
    }

    @Test
    void the_errors_of_a_shared_result_reach_every_subscriber() {
        String query = "subscription { events { id broken } }";
        List<ExecutionResult> first = subscribe(query);
        List<ExecutionResult> second = subscribe(query);

        for (List<ExecutionResult> results : List.of(first, second)) {
            assertThat(results).allSatisfy(result -> {
                assertThat(result.getErrors()).singleElement()
                        .satisfies(error -> assertThat(error.getMessage()).contains("no such thing"));
                assertThat(result.getErrors().getFirst().getPath()).isEqualTo(List.of("events", "broken"));
            });
        }
    }

    @Test
    void events_not_accepted_as_shareable_are_completed_for_each_subscriber() {
        events = List.of(new Unshared("u1", "the gate opens"));
        String query = "subscription { events { id loud } }";
        subscribe(query);
        List<ExecutionResult> second = subscribe(query);

        assertThat(loudCalls).hasValue(2);
        assertThat(second.getFirst().<Map<String, Map<String, Object>>>getData().get("events"))
                .containsEntry("loud", "THE GATE OPENS");
    }
}
