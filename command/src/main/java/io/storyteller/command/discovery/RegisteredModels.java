package io.storyteller.command.discovery;

import io.storyteller.domain.model.ModelView;
import java.util.List;

/** What the registry holds of one provider, as its read model shows it (it may lag a little). */
@FunctionalInterface
public interface RegisteredModels {

    List<ModelView> of(String provider);
}
