package io.storyteller.domain.validation;

import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;

/**
 * The evaluation suites of a use case (all when null): the defined ones, and each default nobody
 * replaced. Answers a list of {@link EvaluationSuiteView}, by name. Platform admins only.
 */
public record FindEvaluationSuites(UseCase useCase, Actor viewer) {
}
