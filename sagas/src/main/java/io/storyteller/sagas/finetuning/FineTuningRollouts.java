package io.storyteller.sagas.finetuning;

import io.storyteller.domain.deployment.StartRollout;
import io.storyteller.domain.finetuning.FineTuningStep;
import io.storyteller.domain.finetuning.RecordFineTuningRollout;
import io.storyteller.domain.finetuning.RejectFineTuning;
import io.storyteller.domain.finetuning.ReportFineTuningSetback;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Violation;
import io.storyteller.domain.shared.Violations;
import io.storyteller.sagas.dispatch.SagaCommands;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Starts a fine-tuned candidate's rollout and records on the FineTuning how the slot answered: the
 * rollout started, or why not. A slot with no deployment is not created silently: that is a reason
 * the candidate is not rolled out, as is a slot that refuses (a rollout already in progress).
 * Anything else (the bus, the store) is a setback the saga may retry.
 */
final class FineTuningRollouts {

    private FineTuningRollouts() {
    }

    static void start(CommandGateway gateway, String fineTuningId, StartRollout start, int attempt,
            BiConsumer<String, String> refused) {
        try {
            gateway.send(start).whenComplete((result, failure) -> {
                if (failure == null) {
                    SagaCommands.send(gateway, new RecordFineTuningRollout(fineTuningId, start.deploymentId(), start.rolloutId(),
                            Actor.system()), refused);
                } else {
                    SagaCommands.send(gateway, answer(fineTuningId, start, attempt, cause(failure)), refused);
                }
            });
        } catch (RuntimeException e) {
            refused.accept("StartRollout", "not sent: " + e);
        }
    }

    static Object answer(String fineTuningId, StartRollout start, int attempt, Throwable cause) {
        if (cause instanceof AggregateNotFoundException || Violations.isMissingAggregate(cause)) {
            return new RejectFineTuning(fineTuningId, List.of("slot " + start.deploymentId()
                    + " has no deployment: create one before its candidate can be rolled out"), Actor.system());
        }
        if (Violations.in(cause).orElse(null) instanceof Violation violation) {
            return new RejectFineTuning(fineTuningId, List.of("slot " + start.deploymentId() + " refused the rollout: "
                    + violation.message()), Actor.system());
        }
        return new ReportFineTuningSetback(fineTuningId, FineTuningStep.ROLLOUT, attempt,
                "the rollout could not be started: " + cause.getClass().getSimpleName(), true, Actor.system());
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
