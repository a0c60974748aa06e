package io.storyteller.command.narration;

import io.storyteller.command.narration.budget.BudgetProperties;
import io.storyteller.command.narration.budget.TurnBudgets;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.queryhandling.QueryGateway;

/** Spend limits as an engine test meets them: none answers, so none is reached and nothing is priced. */
final class BudgetFixtures {

    private BudgetFixtures() {
    }

    static TurnBudgets none(QueryGateway queries) {
        return new TurnBudgets(queries, new BudgetProperties(Duration.ofSeconds(10), Duration.ofSeconds(1)), Clock.systemUTC());
    }
}
