package io.storyteller.domain.validation;

import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Defines an evaluation suite under a new name: what a candidate for {@code useCase} is measured on
 * and what it must reach. Defining a suite under a built-in name ({@code narrator-default}…)
 * replaces that default. Platform admins only.
 *
 * @param tieMargin how close two scores (an item's, a gate's) count as equal, e.g. 0.02
 */
public record DefineEvaluationSuite(@TargetAggregateIdentifier String name,
        UseCase useCase,
        SuiteDataset dataset,
        List<SuiteMetric> metrics,
        double tieMargin,
        Actor actor) {
}
