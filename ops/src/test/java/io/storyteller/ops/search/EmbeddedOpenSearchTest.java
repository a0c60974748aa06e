package io.storyteller.ops.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.ops.StorytellerApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Without {@code storyteller.opensearch.uris} the application starts its own node under
 * {@code <data-dir>/opensearch}, serves k-NN indexes from it, stops it at shutdown, and starts again
 * on the same directory (the node lock a previous run leaves behind is taken over).
 */
class EmbeddedOpenSearchTest {

    @TempDir
    Path dataDir;

    @Test
    void theApplicationRunsItsOwnNodeOnItsDataDirAndRestartsOnIt() throws Exception {
        EmbeddedOpenSearchNode first;
        try (ConfigurableApplicationContext context = start()) {
            first = context.getBean(EmbeddedOpenSearchNode.class);
            assertThat(first.directory()).isEqualTo(dataDir.resolve("opensearch").toAbsolutePath().normalize());
            HealthComponent search = context.getBean(HealthEndpoint.class).healthForPath("search");
            assertThat(search.getStatus()).isEqualTo(Status.UP);
            OpenSearchClient client = context.getBean(OpenSearchClient.class);
            assertThat(client.indices().exists(e -> e.index("storyteller-lore-v2")).value()).isTrue();
        }
        try (var nodeLocks = Files.walk(dataDir.resolve("opensearch"))) {
            assertThat(nodeLocks.filter(file -> file.getFileName().toString().equals("node.lock"))).isNotEmpty();
        }
        try (ConfigurableApplicationContext again = start()) {
            assertThat(again.getBean(HealthEndpoint.class).healthForPath("search").getStatus()).isEqualTo(Status.UP);
            assertThat(again.getBean(OpenSearchClient.class).indices()
                    .get(g -> g.index("storyteller-lore-v2")).result()).containsKey("storyteller-lore-v2");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StorytellerApplication.class)
                .properties(Map.of("storyteller.opensearch.uris", ""))
                .run("--server.port=0", "--storyteller.data-dir=" + dataDir, "--storyteller.seed.enabled=false");
    }
}
