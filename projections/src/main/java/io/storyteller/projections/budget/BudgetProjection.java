package io.storyteller.projections.budget;

import io.storyteller.domain.budget.BudgetLimits;
import io.storyteller.domain.budget.GlobalBudgetCleared;
import io.storyteller.domain.budget.GlobalBudgetSet;
import io.storyteller.domain.world.WorldBudgetCleared;
import io.storyteller.domain.world.WorldBudgetSet;
import io.storyteller.projections.schema.BudgetScopes;
import io.storyteller.projections.schema.Columns;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code budgets}: the global spend limit and each world's, as last set; a lifted one has no row. */
@Component
@ProcessingGroup(BudgetProjection.GROUP)
@AllowReplay
public class BudgetProjection {

    public static final String GROUP = "budgets";

    private final JdbcClient jdbc;

    public BudgetProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GlobalBudgetSet event, @Timestamp Instant at) {
        upsert(BudgetScopes.GLOBAL, null, event.budget(), event.setBy(), at);
    }

    @EventHandler
    void on(GlobalBudgetCleared event) {
        delete(BudgetScopes.GLOBAL);
    }

    @EventHandler
    void on(WorldBudgetSet event, @Timestamp Instant at) {
        upsert(BudgetScopes.world(event.worldId()), event.worldId(), event.budget(), event.setBy(), at);
    }

    @EventHandler
    void on(WorldBudgetCleared event) {
        delete(BudgetScopes.world(event.worldId()));
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE budgets").update();
    }

    private void upsert(String scope, String worldId, BudgetLimits limits, String setBy, Instant at) {
        jdbc.sql("""
                INSERT INTO budgets (scope, world_id, daily_usd, monthly_usd, when_exhausted, set_by, set_at)
                VALUES (:scope, :worldId, :daily, :monthly, :action, :setBy, :at)
                ON CONFLICT (scope) DO UPDATE SET daily_usd = excluded.daily_usd, monthly_usd = excluded.monthly_usd,
                    when_exhausted = excluded.when_exhausted, set_by = excluded.set_by, set_at = excluded.set_at""")
                .param("scope", scope)
                .param("worldId", worldId)
                .param("daily", limits.dailyUsd())
                .param("monthly", limits.monthlyUsd())
                .param("action", limits.whenExhausted().name())
                .param("setBy", setBy)
                .param("at", Columns.time(at))
                .update();
    }

    private void delete(String scope) {
        jdbc.sql("DELETE FROM budgets WHERE scope = :scope").param("scope", scope).update();
    }
}
