package io.storyteller.graphql.processing;

import io.storyteller.domain.healing.FindHealingActions;
import io.storyteller.domain.healing.HealingActionView;
import io.storyteller.domain.healing.HealingKind;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The healing log; its handler decides who may read it. */
@Controller
public class HealingFields {

    private final QueryGateway queries;

    public HealingFields(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    public CompletableFuture<List<HealingActionView>> healingActions(@Argument int first, @Argument String after,
            @Argument HealingKind kind, Actor actor) {
        return queries.query(new FindHealingActions(EventCursor.globalIndex(after), first, kind, actor),
                ResponseTypes.multipleInstancesOf(HealingActionView.class));
    }

    @SchemaMapping(typeName = "HealingAction", field = "cursor")
    public String cursor(HealingActionView action) {
        return EventCursor.of(action.globalIndex());
    }
}
