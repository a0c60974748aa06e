package io.storyteller.ops.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Axon's message timers publish six client-side quantiles per processor and payload type: tens of
 * thousands of series that Prometheus cannot aggregate across instances. They keep count, sum and
 * max; histogram buckets, which do aggregate, can be asked for by name with
 * {@code management.metrics.distribution.percentiles-histogram.commandBus=true} (or {@code eventProcessor}, …).
 */
@Component
class AxonTimerSummaries implements MeterFilter {

    private static final List<String> AXON_PREFIXES = List.of("commandBus.", "queryBus.", "eventStore.",
            "eventProcessor.", "eventBus.", "queryUpdateEmitter.");

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (AXON_PREFIXES.stream().noneMatch(id.getName()::startsWith)) {
            return config;
        }
        return DistributionStatisticConfig.builder().percentiles(new double[0]).build().merge(config);
    }
}
