package io.storyteller.domain.validation;

import io.storyteller.domain.model.UseCase;
import java.util.List;

/** An evaluation suite's dataset, gates and tie margin were replaced; it carries the unchanged use case for readers. */
public record EvaluationSuiteRevised(String name,
        UseCase useCase,
        SuiteDataset dataset,
        List<SuiteMetric> metrics,
        double tieMargin,
        String revisedBy) {

    public EvaluationSuiteRevised {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }
}
