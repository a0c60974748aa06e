package io.storyteller.ops.search;

import java.io.IOException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch.cluster.HealthResponse;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@code /actuator/health} component {@code search}: UP while the cluster is green or yellow (one node holds no replicas). */
class SearchHealthIndicator implements HealthIndicator {

    private final OpenSearchClient client;
    private final SearchEndpoint endpoint;

    SearchHealthIndicator(OpenSearchClient client, SearchEndpoint endpoint) {
        this.client = client;
        this.endpoint = endpoint;
    }

    @Override
    public Health health() {
        try {
            HealthResponse health = client.cluster().health();
            Health.Builder builder = health.status() == HealthStatus.Red ? Health.down() : Health.up();
            return builder.withDetail("status", health.status().jsonValue())
                    .withDetail("nodes", health.numberOfNodes())
                    .withDetail("embedded", endpoint.embedded())
                    .build();
        } catch (IOException | RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
