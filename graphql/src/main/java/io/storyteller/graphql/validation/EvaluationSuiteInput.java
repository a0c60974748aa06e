package io.storyteller.graphql.validation;

import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.validation.EvaluationSuiteView;
import io.storyteller.domain.validation.SuiteDataset;
import io.storyteller.domain.validation.SuiteMetric;
import java.util.List;

/** The {@code EvaluationSuiteInput} of the schema. */
public record EvaluationSuiteInput(String name, UseCase useCase, SuiteDataset dataset, List<SuiteMetric> metrics,
        double tieMargin) {

    /** The suite as defined, once the aggregate accepted it. */
    EvaluationSuiteView view(UseCase kept) {
        return new EvaluationSuiteView(name, kept, dataset, metrics, tieMargin, false);
    }
}
