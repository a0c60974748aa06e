package io.storyteller.domain.validation;

import io.storyteller.domain.model.Model;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.RegisteredModels;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.Repository;

/**
 * Records validations on the Model aggregate. The handler lives here and not in {@code Model}
 * because validation depends on the registry (a validation names model versions) and the registry
 * must not depend back on validation (no package cycles): it loads the candidate's model, checks the
 * version there, and applies {@link ModelValidated} inside that aggregate, in its event stream.
 */
public class ModelValidations {

    static final int MAX_EXAMPLES = 10;
    static final int MAX_REASONS = 30;
    static final int MAX_GATES = EvaluationSuite.MAX_METRICS;

    private final Repository<Model> models;

    public ModelValidations(Repository<Model> models) {
        this.models = models;
    }

    @CommandHandler
    public void handle(RecordModelValidation command) throws Exception {
        Actor actor = ValidationAuthority.require(command.actor());
        ModelRef candidate = new ModelRef(command.modelId(), command.version()).validated("candidate");
        String validationId = Require.text("validationId", command.validationId(), 300);
        String suite = Require.text("suite", command.suite(), 100);
        ModelRef incumbent = command.incumbent() == null ? null : command.incumbent().validated("incumbent");
        requireCounts(command);
        List<ValidationGate> gates = bounded("gates", command.gates(), MAX_GATES);
        List<ValidationExample> examples = bounded("examples", command.examples(), MAX_EXAMPLES);
        List<String> reasons = Require.texts("reasons", command.reasons() == null ? List.of() : command.reasons(),
                MAX_REASONS, 1000);
        if (command.passed() && !reasons.isEmpty()) {
            throw DomainRejection.invalid("reasons", "empty-when-passed", "a validation that passed gives no reasons to fail");
        }
        if (!command.passed() && reasons.isEmpty()) {
            throw DomainRejection.invalid("reasons", "required-when-failed", "a failed validation says why");
        }
        RegisteredModels.requireServable(models, "candidate", candidate);
        ModelValidated event = new ModelValidated(candidate.modelId(), candidate.version(), validationId, suite, incumbent,
                command.passed(), gates, command.wins(), command.losses(), command.ties(), examples, reasons, actor.userId(),
                command.dataset() == null ? null : command.dataset().validated());
        models.load(candidate.modelId()).execute(model -> AggregateLifecycle.apply(event));
    }

    private static void requireCounts(RecordModelValidation command) {
        Require.range("wins", command.wins(), 0, Integer.MAX_VALUE);
        Require.range("losses", command.losses(), 0, Integer.MAX_VALUE);
        Require.range("ties", command.ties(), 0, Integer.MAX_VALUE);
    }

    private static <T> List<T> bounded(String field, List<T> values, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw DomainRejection.invalid(field, "max-count:" + max, "at most " + max + " " + field);
        }
        for (int i = 0; i < values.size(); i++) {
            Require.present(field + "[" + i + "]", values.get(i));
        }
        return values;
    }
}
