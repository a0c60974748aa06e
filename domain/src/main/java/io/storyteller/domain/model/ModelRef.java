package io.storyteller.domain.model;

import io.storyteller.domain.shared.Require;

/** One version of one model: what serves a deployment slot, and what lineage points at. */
public record ModelRef(String modelId,
        String version) {

    public ModelRef validated(String field) {
        return new ModelRef(Require.id(field + ".modelId", modelId),
                Require.text(field + ".version", version, Model.MAX_VERSION_LENGTH));
    }

    /** {@code modelId@version}, for rationales and messages. */
    public String label() {
        return modelId + "@" + version;
    }
}
