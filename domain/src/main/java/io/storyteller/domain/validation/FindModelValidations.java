package io.storyteller.domain.validation;

import io.storyteller.domain.shared.Actor;

/**
 * The validations recorded on a model (of one version when {@code version} is given), newest first.
 * Answers a list of {@link ModelValidationView}. Platform admins only.
 */
public record FindModelValidations(String modelId, String version, Actor viewer) {
}
