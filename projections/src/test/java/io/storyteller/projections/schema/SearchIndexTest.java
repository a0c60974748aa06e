package io.storyteller.projections.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aVectorFieldOfAnotherSizeIsBuiltAsTheIndexMapsItsOwn() throws Exception {
        JsonNode beats = json.readTree(SearchIndex.BEATS.vectorProperty(768));
        JsonNode lore = json.readTree(SearchIndex.LORE.vectorProperty(48));

        assertThat(beats.path("type").asText()).isEqualTo("knn_vector");
        assertThat(beats.path("dimension").asInt()).isEqualTo(768);
        assertThat(beats.path("method").path("engine").asText()).isEqualTo("lucene");
        assertThat(beats.path("method").path("parameters").path("ef_construction").asInt()).isEqualTo(32);
        assertThat(lore.path("dimension").asInt()).isEqualTo(48);
        assertThat(lore.path("method").path("parameters").path("ef_construction").asInt()).isEqualTo(128);
    }

    @Test
    void anIndexWithoutVectorsHasNoVectorField() {
        assertThatThrownBy(() -> SearchIndex.STORY_CURSORS.vectorProperty(384))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("maps no vector field");
    }
}
