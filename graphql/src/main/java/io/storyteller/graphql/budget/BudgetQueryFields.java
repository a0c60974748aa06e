package io.storyteller.graphql.budget;

import io.storyteller.domain.budget.BudgetView;
import io.storyteller.domain.budget.FindBudget;
import io.storyteller.domain.budget.FindSpend;
import io.storyteller.domain.budget.SpendDimension;
import io.storyteller.domain.budget.SpendLine;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.world.WorldView;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Reads spend limits and spend; the query side decides what the caller may see. */
@Controller
public class BudgetQueryFields {

    private final QueryGateway queries;

    public BudgetQueryFields(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    public CompletableFuture<BudgetView> globalBudget(Actor actor) {
        return budget(null, actor);
    }

    @QueryMapping
    public CompletableFuture<List<SpendLine>> spend(@Argument String worldId, @Argument LocalDate from,
            @Argument LocalDate to, @Argument List<SpendDimension> groupBy, Actor actor) {
        return queries.query(new FindSpend(worldId, from, to, groupBy, actor),
                ResponseTypes.multipleInstancesOf(SpendLine.class));
    }

    @SchemaMapping(typeName = "World", field = "budget")
    public CompletableFuture<BudgetView> budgetOf(WorldView world, Actor actor) {
        return budget(world.worldId(), actor);
    }

    private CompletableFuture<BudgetView> budget(String worldId, Actor actor) {
        return queries.query(new FindBudget(worldId, actor), ResponseTypes.optionalInstanceOf(BudgetView.class))
                .thenApply(found -> found.orElse(null));
    }
}
