package io.storyteller.command.runtime;

import io.storyteller.domain.model.ModelRef;

/** A model id split at its first colon: {@code openai:gpt-4o-mini} is provider {@code openai}, model {@code gpt-4o-mini}. */
record ModelId(String provider, String providerModelId) {

    static ModelId of(ModelRef ref) {
        String id = ref == null ? null : ref.modelId();
        int colon = id == null ? -1 : id.indexOf(':');
        if (colon <= 0 || colon == id.length() - 1) {
            throw new ModelUnavailableException("model id '" + id + "' is not of the form <provider>:<model>");
        }
        return new ModelId(id.substring(0, colon), id.substring(colon + 1));
    }
}
