package io.storyteller.command.acquisition.copy;

import io.storyteller.domain.model.ModelView;
import java.util.Optional;

/** One model as the registry's read model shows it. */
@FunctionalInterface
public interface RegistryLookup {

    Optional<ModelView> model(String modelId);
}
