package io.storyteller.ops.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

class EmbeddedNodeSmokeTest {

    @Test
    void knnIndexWorks() throws Exception {
        OpenSearchClient client = OpenSearchClients.create(SharedSearchNode.node(),
                new OpenSearchProperties(null, null, null, null, null, null, java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(60)));
        client.indices().create(c -> c.index("smoke").settings(s -> s.knn(true))
                .mappings(m -> m.properties("v", p -> p.knnVector(k -> k.dimension(3)
                        .method(me -> me.name("hnsw").engine("lucene").spaceType("cosinesimil"))))));
        client.index(i -> i.index("smoke").id("1").document(Map.of("v", new float[] {1, 0, 0})).refresh(org.opensearch.client.opensearch._types.Refresh.True));
        var hits = client.search(s -> s.index("smoke").query(q -> q.knn(k -> k.field("v").vector(1f, 0f, 0f).k(1))), Map.class);
        assertThat(hits.hits().hits()).hasSize(1);
    }
}
