package io.storyteller.ops.processing;

import io.storyteller.domain.processing.RecordOperatorAction;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Violation;
import io.storyteller.domain.shared.Violations;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Carries out an operator's action and records it (who, what, to what, how it ended) as an
 * {@code OperatorActionRecorded} event. The record is sent from a thread of its own, outside the
 * action's unit of work and transaction: an action that fails (and rolls back) is recorded too,
 * and the record is committed before the action's answer leaves.
 */
@Component
class OperatorActions {

    private static final int MAX_OUTCOME = 1000;
    private static final Executor RECORDER = Executors.newVirtualThreadPerTaskExecutor();

    private final CommandGateway commands;

    OperatorActions(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * Runs {@code work} and records it; a failure is recorded by its type (never its message, which
     * may quote data) and thrown on, a rejection by its message (which names the field and rule).
     */
    <T> T perform(Actor actor, String action, String target, Supplier<T> work, Function<T, String> outcome,
            Predicate<T> succeeded) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException failure) {
            if (Violations.in(failure).orElse(null) instanceof Violation violation) {
                record(actor, action, target, "refused: " + violation.message(), false);
                throw failure;
            }
            record(actor, action, target, "failed: " + failure.getClass().getSimpleName(), false);
            throw failure;
        }
        record(actor, action, target, outcome.apply(result), succeeded.test(result));
        return result;
    }

    private void record(Actor actor, String action, String target, String outcome, boolean succeeded) {
        String told = outcome.length() > MAX_OUTCOME ? outcome.substring(0, MAX_OUTCOME - 1) + "…" : outcome;
        RecordOperatorAction command = new RecordOperatorAction(UUID.randomUUID().toString(), action, target, told,
                succeeded, actor);
        CompletableFuture.runAsync(() -> commands.sendAndWait(command), RECORDER).join();
    }
}
