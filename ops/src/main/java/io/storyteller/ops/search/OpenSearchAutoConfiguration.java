package io.storyteller.ops.search;

import io.storyteller.ops.StorytellerProperties;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The OpenSearch client, on the embedded node or on the cluster named by {@code storyteller.opensearch.uris}. */
@AutoConfiguration
@EnableConfigurationProperties({StorytellerProperties.class, OpenSearchProperties.class})
public class OpenSearchAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SearchEndpoint.class)
    SearchEndpoint externalSearchEndpoint(OpenSearchProperties properties) {
        return new ExternalCluster(properties.uris());
    }

    @Bean
    PendingSearchRestore pendingSearchRestore(StorytellerProperties properties, SearchEndpoint endpoint) {
        return new PendingSearchRestore(properties, endpoint);
    }

    /** The client; a restored backup's search snapshot is put back before it is made, so before anyone uses the indexes. */
    @Bean(destroyMethod = "")
    OpenSearchClient openSearchClient(SearchEndpoint endpoint, OpenSearchProperties properties, PendingSearchRestore restore) {
        restore.apply();
        return OpenSearchClients.create(endpoint, properties);
    }

    /** Closes the client's connections when the context ends (after every bean using it). */
    @Bean
    SearchClientCloser searchClientCloser(OpenSearchClient client) {
        return new SearchClientCloser(client);
    }

    @Bean
    SearchHealthIndicator searchHealthIndicator(OpenSearchClient client, SearchEndpoint endpoint) {
        return new SearchHealthIndicator(client, endpoint);
    }

    record ExternalCluster(List<URI> uris) implements SearchEndpoint {
        @Override
        public boolean embedded() {
            return false;
        }
    }

    record SearchClientCloser(OpenSearchClient client) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            client._transport().close();
        }
    }
}
