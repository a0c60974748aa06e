package io.storyteller.command.runtime;

import io.storyteller.domain.model.ModelVariantView;
import java.util.Optional;

/** Where the runtime finds what a named variant is: its base model, system prompt and sampling. */
@FunctionalInterface
public interface VariantDefinitions {

    Optional<ModelVariantView> variant(String modelId);

    /** For runtimes that serve no variants. */
    static VariantDefinitions none() {
        return modelId -> Optional.empty();
    }
}
