package io.storyteller.graphql.model;

import io.storyteller.domain.shared.DomainRejection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One named measurement of an evaluation. */
public record MetricInput(String name, Double value) {

    /**
     * The measurements by name, as the domain records them. GraphQL has no map type, so a name
     * given twice is caught here, naming the second one.
     */
    public static Map<String, Double> byName(List<MetricInput> metrics) {
        var byName = new LinkedHashMap<String, Double>();
        for (int i = 0; i < metrics.size(); i++) {
            MetricInput metric = metrics.get(i);
            String name = metric.name() == null ? "" : metric.name().strip();
            if (byName.containsKey(name)) {
                throw DomainRejection.invalid("metrics[" + i + "].name", "unique", "metric " + name + " is given twice");
            }
            byName.put(name, metric.value());
        }
        return byName;
    }
}
