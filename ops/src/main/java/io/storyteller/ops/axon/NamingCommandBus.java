package io.storyteller.ops.axon;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;

/**
 * The local command bus (on Axon Server, its local segment), whose failed results name the store's
 * failures ({@link NamedFailures}). A handler interceptor cannot do this: the events are appended,
 * and refused, when the unit of work commits, after every interceptor has returned.
 */
final class NamingCommandBus extends SimpleCommandBus {

    NamingCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        super.handle(command, handler, (CommandCallback<C, R>) (handled, result) -> callback.onResult(handled, named(result)));
    }

    private static <R> CommandResultMessage<? extends R> named(CommandResultMessage<? extends R> result) {
        if (!result.isExceptional()) {
            return result;
        }
        Throwable named = NamedFailures.named(result.exceptionResult());
        return named == result.exceptionResult() ? result : new GenericCommandResultMessage<>(named, result.getMetaData());
    }
}
