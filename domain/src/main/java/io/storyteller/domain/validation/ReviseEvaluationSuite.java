package io.storyteller.domain.validation;

import io.storyteller.domain.shared.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a defined suite's dataset, gates and tie margin; its use case stays. */
public record ReviseEvaluationSuite(@TargetAggregateIdentifier String name,
        SuiteDataset dataset,
        List<SuiteMetric> metrics,
        double tieMargin,
        Actor actor) {
}
