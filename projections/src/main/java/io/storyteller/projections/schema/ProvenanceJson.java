package io.storyteller.projections.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.story.NarrationProvenance;

/**
 * The jsonb form of a {@link NarrationProvenance}. It has its own mapper so that the stored
 * format does not change with the application's web JSON settings.
 */
public final class ProvenanceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ProvenanceJson() {
    }

    public static String write(NarrationProvenance provenance) {
        if (provenance == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(provenance);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write provenance as JSON", e);
        }
    }

    public static NarrationProvenance read(String json) {
        if (json == null || json.equals("null")) {
            return null;
        }
        try {
            return MAPPER.readValue(json, NarrationProvenance.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read provenance JSON", e);
        }
    }
}
