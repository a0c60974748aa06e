package io.storyteller.graphql.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.GraphQLError;
import io.storyteller.domain.retrieval.SearchUnavailable;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.RejectionKind;
import io.storyteller.domain.shared.Violation;
import io.storyteller.domain.story.FindStory;
import io.storyteller.graphql.ApiTest;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.access.AccessDeniedException;

/** Every failure reaches the client once, typed, and never with an exception's own text. */
class ErrorMappingTest extends ApiTest {

    private static final String END_STORY = "mutation { endStory(storyId: \"s1\") { storyId } }";

    @ParameterizedTest
    @CsvSource({"INVALID,BAD_REQUEST", "FORBIDDEN,FORBIDDEN", "NOT_FOUND,NOT_FOUND", "CONFLICT,CONFLICT", "UNAVAILABLE,UNAVAILABLE"})
    void a_domain_rejection_is_classified_by_its_kind_and_names_field_and_rule(RejectionKind kind, String classification) {
        commands.failWith(new CompletionException(new DomainRejection(new Violation(kind, "storyId", "some-rule", "told why"))));

        JsonNode error = graphQl(END_STORY).at("/errors/0");

        assertThat(error.get("message").asText()).isEqualTo("told why");
        assertThat(error.at("/extensions/classification").asText()).isEqualTo(classification);
        assertThat(error.at("/extensions/field").asText()).isEqualTo("storyId");
        assertThat(error.at("/extensions/rule").asText()).isEqualTo("some-rule");
        assertThat(error.at("/path/0").asText()).isEqualTo("endStory");
    }

    @Test
    void a_rejection_that_crossed_the_wire_is_recognised_by_its_details() {
        Violation violation = new Violation(RejectionKind.CONFLICT, "storyId", "no-pending-narration", "a narration is pending");
        commands.failWith(new ExecutionException(new CommandExecutionException("remote failure", null, violation)));

        JsonNode error = graphQl(END_STORY).at("/errors/0");

        assertThat(error.at("/extensions/classification").asText()).isEqualTo("CONFLICT");
        assertThat(error.at("/extensions/rule").asText()).isEqualTo("no-pending-narration");
        assertThat(error.get("message").asText()).isEqualTo("a narration is pending");
    }

    @Test
    void a_subscriber_that_fell_behind_is_told_to_subscribe_again_not_an_internal_error() {
        GraphQLError error = new SubscriptionErrors().resolveToSingleError(new WatcherTooSlow("s1", 64));

        assertThat(error.getErrorType()).isEqualTo(ApiErrorType.UNAVAILABLE);
        assertThat(error.getMessage()).contains("subscribe again");
        assertThat(error.getExtensions()).containsEntry("rule", "keep-up").containsEntry("field", "subscription");
    }

    @Test
    void a_missing_aggregate_is_not_found_naming_the_argument_that_addressed_it() {
        commands.failWith(new CompletionException(new AggregateNotFoundException("s1", "The aggregate was not found")));

        JsonNode error = graphQl(END_STORY).at("/errors/0");

        assertThat(error.at("/extensions/classification").asText()).isEqualTo("NOT_FOUND");
        assertThat(error.at("/extensions/field").asText()).isEqualTo("storyId");
        assertThat(error.at("/extensions/rule").asText()).isEqualTo("exists");
    }

    @Test
    void an_id_of_an_aggregate_of_another_type_is_not_found_like_a_missing_one() {
        commands.failWith(new CompletionException(new IncompatibleAggregateException(
                "Aggregate identifier must be non-null after applying an event. Make sure the aggregate identifier is "
                        + "initialized at the latest when handling the creation event.")));

        JsonNode error = graphQl("mutation { rateBeat(storyId: \"w1\", beatId: \"b1\", rating: 5) { storyId } }").at("/errors/0");

        assertThat(error.at("/extensions/classification").asText()).isEqualTo("NOT_FOUND");
        assertThat(error.at("/extensions/field").asText()).isEqualTo("storyId");
        assertThat(error.at("/extensions/rule").asText()).isEqualTo("exists");
        assertThat(error.get("message").asText()).isEqualTo("no storyId w1");
    }

    @Test
    void an_incompatible_aggregate_is_named_by_the_argument_its_message_holds() {
        commands.failWith(new CompletionException(new IncompatibleAggregateException("Aggregate [b1] is of another type")));

        JsonNode error = graphQl("mutation { rateBeat(storyId: \"w1\", beatId: \"b1\", rating: 5) { storyId } }").at("/errors/0");

        assertThat(error.at("/extensions/field").asText()).isEqualTo("beatId");
    }

    @Test
    void a_value_the_event_store_refuses_as_data_is_a_bad_request_not_an_internal_error() {
        commands.failWith(new CompletionException(new EventStoreException("An event could not be stored",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))));

        JsonNode response = graphQl(END_STORY);
        JsonNode error = response.at("/errors/0");

        assertThat(error.at("/extensions/classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(error.at("/extensions/rule").asText()).isEqualTo("storable");
        assertThat(response.toString()).doesNotContain("UTF8", "SQLException", "EventStoreException");
    }

    @Test
    void an_event_store_that_fails_for_its_own_reasons_stays_an_internal_error() {
        commands.failWith(new CompletionException(new EventStoreException("An event could not be stored",
                new SQLException("connection refused", "08001"))));

        JsonNode response = graphQl(END_STORY);

        assertThat(response.at("/errors/0/extensions/classification").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(response.toString()).doesNotContain("connection refused");
    }

    @Test
    void a_conflicting_aggregate_version_is_a_conflict() {
        commands.failWith(new CompletionException(new ConflictingAggregateVersionException("s1", 3, 4)));

        assertThat(graphQl(END_STORY).at("/errors/0/extensions/classification").asText()).isEqualTo("CONFLICT");
    }

    @Test
    void access_denied_is_forbidden() {
        commands.failWith(new AccessDeniedException("not yours"));

        assertThat(graphQl(END_STORY).at("/errors/0/extensions/classification").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void a_rejected_query_is_mapped_the_same_way() {
        queries.answer(FindStory.class, query -> {
            throw DomainRejection.forbidden("story-participant", "only participants read this story");
        });

        JsonNode response = graphQl("{ story(id: \"s1\") { id } }");

        assertThat(response.at("/errors/0/extensions/classification").asText()).isEqualTo("FORBIDDEN");
        assertThat(response.at("/errors/0/path/0").asText()).isEqualTo("story");
    }

    @Test
    void search_being_down_is_unavailable_without_its_cause_here_and_across_the_wire() {
        queries.answer(FindStory.class, query -> {
            throw new SearchUnavailable(new IOException("Connection refused: opensearch-7:9200"));
        });
        JsonNode local = graphQl("{ story(id: \"s1\") { id } }").at("/errors/0");
        // across Axon Server only the message and the details arrive, in an exception of Axon's own class
        queries.answer(FindStory.class, query -> {
            throw new QueryExecutionException(SearchUnavailable.MESSAGE, null,
                    new Violation(RejectionKind.UNAVAILABLE, "search", "available", SearchUnavailable.MESSAGE));
        });
        JsonNode remote = graphQl("{ story(id: \"s1\") { id } }").at("/errors/0");

        for (JsonNode error : List.of(local, remote)) {
            assertThat(error.at("/extensions/classification").asText()).isEqualTo("UNAVAILABLE");
            assertThat(error.at("/extensions/field").asText()).isEqualTo("search");
            assertThat(error.at("/extensions/rule").asText()).isEqualTo("available");
            assertThat(error.get("message").asText()).isEqualTo("search is unavailable now; try again later")
                    .doesNotContain("opensearch");
        }
    }

    @Test
    void an_unexpected_failure_is_an_internal_error_with_an_error_id_and_nothing_else() {
        commands.failWith(new CompletionException(new IllegalStateException("jdbc:postgresql://db password=hunter2")));

        JsonNode response = graphQl(END_STORY);
        String raw = response.toString();
        JsonNode error = response.at("/errors/0");

        assertThat(raw).doesNotContain("hunter2", "IllegalStateException", "jdbc", "\tat ", ".java:");
        assertThat(error.at("/extensions/classification").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(error.at("/extensions/errorId").asText()).hasSize(36);
        assertThat(error.get("message").asText()).contains(error.at("/extensions/errorId").asText());
    }

    @Test
    void input_the_schema_refuses_never_reaches_a_gateway() {
        JsonNode badEnum = graphQl("mutation { addWorldMember(worldId: \"w1\", userId: \"bob\", role: EMPEROR) { userId } }");
        JsonNode missingArgument = graphQl("mutation { endStory { storyId } }");

        assertThat(badEnum.at("/errors/0/extensions/classification").asText()).isEqualTo("ValidationError");
        assertThat(missingArgument.at("/errors/0/extensions/classification").asText()).isEqualTo("ValidationError");
        assertThat(commands.sent()).isEmpty();
    }
}
