package io.storyteller.ops.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform's narration spend as gauges, read from the spend read model when scraped:
 * {@code storyteller.budget.spend{period="day"|"month"}} in USD, today and this month (UTC), every
 * world together. A gauge, not a counter, so every instance reports the same figure: take one
 * (max), never the sum. The spend of one world is in the GraphQL {@code spend} query, not a label.
 */
class SpendGauges implements MeterBinder {

    private final JdbcClient jdbc;

    SpendGauges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("storyteller.budget.spend", this, gauges -> gauges.spent(false)).baseUnit("usd")
                .description("Narration spend today (UTC), every world together").tag("period", "day").register(registry);
        Gauge.builder("storyteller.budget.spend", this, gauges -> gauges.spent(true)).baseUnit("usd")
                .description("Narration spend this month (UTC), every world together").tag("period", "month")
                .register(registry);
    }

    private double spent(boolean month) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try {
            return jdbc.sql("SELECT coalesce(sum(cost), 0) FROM spend_entries WHERE day BETWEEN :from AND :to")
                    .param("from", month ? today.withDayOfMonth(1) : today)
                    .param("to", today)
                    .query(Double.class)
                    .single();
        } catch (RuntimeException e) {
            return Double.NaN; // the database is away: no figure rather than a false one
        }
    }
}
