package io.storyteller.graphql.processing;

import io.storyteller.domain.processing.BrowseEventLog;
import io.storyteller.domain.processing.EventLogPage;
import io.storyteller.domain.processing.FindOperatorActions;
import io.storyteller.domain.processing.OperatorActionView;
import io.storyteller.domain.shared.Actor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The audit explorer and the operator log; the handlers decide who may read them. */
@Controller
public class EventLogFields {

    private final QueryGateway queries;

    public EventLogFields(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    public CompletableFuture<EventLogConnection> eventLog(@Argument EventLogFilter filter, @Argument int first,
            @Argument String after, @Argument String order, Actor actor) {
        EventLogFilter by = filter == null ? new EventLogFilter(null, null, null, null, null) : filter;
        Long afterIndex = EventCursor.globalIndex(after);
        BrowseEventLog browse = new BrowseEventLog(by.aggregateId(), by.aggregateType(), by.eventType(), instant(by.from()),
                instant(by.to()), afterIndex, first, "OLDEST_FIRST".equals(order), actor);
        return queries.query(browse, EventLogPage.class).thenApply(page -> EventLogConnection.of(page, afterIndex != null));
    }

    @QueryMapping
    public CompletableFuture<List<OperatorActionView>> operatorActions(@Argument int first, @Argument String after, Actor actor) {
        return queries.query(new FindOperatorActions(EventCursor.globalIndex(after), first, actor),
                ResponseTypes.multipleInstancesOf(OperatorActionView.class));
    }

    @SchemaMapping(typeName = "OperatorAction", field = "cursor")
    public String cursor(OperatorActionView action) {
        return EventCursor.of(action.globalIndex());
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
