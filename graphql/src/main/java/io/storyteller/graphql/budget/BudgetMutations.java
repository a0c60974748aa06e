package io.storyteller.graphql.budget;

import io.storyteller.domain.budget.ClearGlobalBudget;
import io.storyteller.domain.budget.SetGlobalBudget;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.world.ClearWorldBudget;
import io.storyteller.domain.world.SetWorldBudget;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Sets and lifts spend limits: each builds one command; the World and GlobalBudget aggregates decide. */
@Controller
public class BudgetMutations {

    private final CommandGateway commands;

    public BudgetMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    public CompletableFuture<BudgetPayload> setWorldBudget(@Argument String worldId, @Argument BudgetInput budget,
            Actor actor) {
        return commands.send(new SetWorldBudget(worldId, budget == null ? null : budget.toLimits(), actor))
                .thenApply(done -> new BudgetPayload(worldId));
    }

    @MutationMapping
    public CompletableFuture<BudgetPayload> clearWorldBudget(@Argument String worldId, Actor actor) {
        return commands.send(new ClearWorldBudget(worldId, actor)).thenApply(done -> new BudgetPayload(worldId));
    }

    @MutationMapping
    public CompletableFuture<BudgetPayload> setGlobalBudget(@Argument BudgetInput budget, Actor actor) {
        return commands.send(new SetGlobalBudget(budget == null ? null : budget.toLimits(), actor))
                .thenApply(done -> new BudgetPayload(null));
    }

    @MutationMapping
    public CompletableFuture<BudgetPayload> clearGlobalBudget(Actor actor) {
        return commands.send(new ClearGlobalBudget(actor)).thenApply(done -> new BudgetPayload(null));
    }
}
