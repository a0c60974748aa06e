package io.storyteller.command.validation;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.validation.EvaluationSuiteView;
import io.storyteller.domain.validation.RecordModelValidation;
import io.storyteller.domain.validation.SuiteDataset;
import java.util.ArrayList;
import java.util.List;

/** Turns a suite's run into what is recorded on the candidate: gates, tally, and whether it passed. */
final class ValidationVerdict {

    private ValidationVerdict() {
    }

    static RecordModelValidation of(String validationId, ModelRef candidate, ModelRef incumbent,
            EvaluationSuiteView suite, SuiteRun run) {
        SuiteGates.Decision decision = SuiteGates.decide(suite, run.candidate(), run.incumbent());
        SideBySide.Tally tally = SideBySide.of(run.items(), suite.tieMargin());
        List<String> reasons = new ArrayList<>(decision.reasons());
        if (run.items().isEmpty()) {
            reasons.add("dataset: the suite's dataset held no items to measure");
        }
        return new RecordModelValidation(candidate.modelId(), candidate.version(), validationId, suite.name(), incumbent,
                reasons.isEmpty(), decision.gates(), tally.wins(), tally.losses(), tally.ties(), tally.examples(), reasons,
                Actor.system(), suite.dataset());
    }

    /** A validation that could not run: failed, with the reason. */
    static RecordModelValidation couldNotRun(String validationId, ModelRef candidate, ModelRef incumbent, String suite,
            SuiteDataset items, String reason) {
        return new RecordModelValidation(candidate.modelId(), candidate.version(), validationId, suite, incumbent, false,
                List.of(), 0, 0, 0, List.of(), List.of(shortened("not run: " + reason)), Actor.system(), items);
    }

    private static String shortened(String reason) {
        return reason.length() <= 900 ? reason : reason.substring(0, 899) + "…";
    }
}
