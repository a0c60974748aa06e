package io.storyteller.domain.validation;

import io.storyteller.domain.model.UseCase;
import java.util.List;

/** An evaluation suite was defined. */
public record EvaluationSuiteDefined(String name,
        UseCase useCase,
        SuiteDataset dataset,
        List<SuiteMetric> metrics,
        double tieMargin,
        String definedBy) {

    public EvaluationSuiteDefined {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }
}
