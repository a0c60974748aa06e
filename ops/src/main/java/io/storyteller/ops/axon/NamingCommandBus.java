package io.storyteller.ops.axon;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * The local command bus (on Axon Server, its local segment), whose failed results name the store's
 * failures ({@link NamedFailures}). A handler interceptor cannot do this: the events are appended,
 * and refused, when the unit of work commits, after every interceptor has returned.
 * <p>
 * A command whose events lost the race for their sequence numbers is handled again, up to
 * {@link #RACE_RETRIES} times: with several instances on the JDBC store, commands are not routed by
 * aggregate, and an instance's cached aggregate may be behind what another instance appended. The
 * rolled-back unit of work drops the cached copy, so the retry decides on the aggregate as stored;
 * a command the fresh state refuses is refused as usual.
 */
final class NamingCommandBus extends SimpleCommandBus {

    static final int RACE_RETRIES = 2;

    NamingCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        handle(command, handler, callback, 0);
    }

    private <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                               CommandCallback<? super C, ? super R> callback, int retries) {
        super.handle(command, handler, (CommandCallback<C, R>) (handled, result) -> {
            if (retries < RACE_RETRIES && result.isExceptional() && lostRace(result.exceptionResult())) {
                handle(command, handler, callback, retries + 1);
            } else {
                callback.onResult(handled, named(result));
            }
        });
    }

    /** An append refused because another unit of work took the sequence number first. */
    static boolean lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    private static <R> CommandResultMessage<? extends R> named(CommandResultMessage<? extends R> result) {
        if (!result.isExceptional()) {
            return result;
        }
        Throwable named = NamedFailures.named(result.exceptionResult());
        return named == result.exceptionResult() ? result : new GenericCommandResultMessage<>(named, result.getMetaData());
    }
}
