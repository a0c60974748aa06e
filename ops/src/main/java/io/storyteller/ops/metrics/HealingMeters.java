package io.storyteller.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.storyteller.domain.healing.HealingActionRecorded;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * {@code storyteller.healing.actions{kind,outcome}}: what the platform healed, counted from the
 * recorded healing actions with the platform's other meters (each event once, by the instance
 * holding its segment). A record of failovers counted together adds its count.
 */
@Component
@ProcessingGroup(PlatformMetrics.GROUP)
@DisallowReplay
class HealingMeters {

    private final MeterRegistry registry;

    HealingMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(HealingActionRecorded event) {
        Counter.builder("storyteller.healing.actions")
                .description("Healing actions the platform took on its own (failovers, dead-letter retries, processor restarts)")
                .tag("kind", event.kind().name().toLowerCase(Locale.ROOT))
                .tag("outcome", event.outcome().name().toLowerCase(Locale.ROOT))
                .register(registry).increment(event.occurrences());
    }
}
