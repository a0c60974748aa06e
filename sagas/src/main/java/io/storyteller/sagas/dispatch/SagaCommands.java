package io.storyteller.sagas.dispatch;

import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * How a saga sends a command: without waiting for it, since a saga reacts to what its command
 * causes (an event) or, when nothing comes, to its deadline. A command that is refused or cannot be
 * sent is only reported, with the reason, to the saga's own log line: the next event or deadline
 * moves the process on.
 */
public final class SagaCommands {

    private SagaCommands() {
    }

    /** @param refused told the command's simple name and why it was refused or not sent */
    public static void send(CommandGateway gateway, Object command, BiConsumer<String, String> refused) {
        String name = command.getClass().getSimpleName();
        try {
            gateway.send(command).whenComplete((result, failure) -> {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    refused.accept(name, "refused: " + cause.getMessage());
                }
            });
        } catch (RuntimeException e) {
            refused.accept(name, "not sent: " + e);
        }
    }
}
