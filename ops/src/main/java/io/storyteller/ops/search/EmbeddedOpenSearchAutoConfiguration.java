package io.storyteller.ops.search;

import io.storyteller.ops.StorytellerProperties;
import java.io.IOException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Starts OpenSearch under {@code ${storyteller.data-dir}/opensearch} unless
 * {@code storyteller.opensearch.uris} names an external cluster.
 * <p>
 * The node is the {@link SearchEndpoint} the client is built from, so at shutdown Spring first stops
 * the lifecycle beans (Axon's processors finish their batches), then destroys the client and
 * everything on it, and only then this node.
 */
@AutoConfiguration(before = OpenSearchAutoConfiguration.class)
@Conditional(SearchUrisMissing.class)
@EnableConfigurationProperties({StorytellerProperties.class, OpenSearchProperties.class})
public class EmbeddedOpenSearchAutoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedOpenSearchNode embeddedOpenSearchNode(StorytellerProperties storyteller, OpenSearchProperties properties)
            throws IOException {
        return EmbeddedOpenSearchNode.start(storyteller.dataDir().resolve("opensearch"), properties.startupTimeout());
    }
}
