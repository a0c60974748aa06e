package io.storyteller.domain.validation;

import io.storyteller.domain.model.UseCase;
import java.util.List;

/**
 * An evaluation suite as the validator uses it.
 *
 * @param builtIn whether it is a default nobody defined (see {@link DefaultSuites})
 */
public record EvaluationSuiteView(String name,
        UseCase useCase,
        SuiteDataset dataset,
        List<SuiteMetric> metrics,
        double tieMargin,
        boolean builtIn) {

    public EvaluationSuiteView {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /** The same suite measured on other items. */
    public EvaluationSuiteView on(SuiteDataset items) {
        return new EvaluationSuiteView(name, useCase, items, metrics, tieMargin, builtIn);
    }
}
