package io.storyteller.command.housemodel.classifier.training;

import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.RegisterModel;
import java.util.Optional;

/**
 * Enters a classifier version in the model registry: the model if it is new, then the version.
 * Repeating it must be harmless. House models know nothing of the registry's machinery, so the
 * application supplies this (see the ops module's wiring).
 */
@FunctionalInterface
public interface ClassifierRegistration {

    /** @return why the registry refused, or empty when the version is (now or already) registered */
    Optional<String> register(RegisterModel model, AddModelVersion version);
}
