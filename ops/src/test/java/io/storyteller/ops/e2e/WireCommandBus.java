package io.storyteller.ops.e2e;

import com.google.protobuf.InvalidProtocolBufferException;
import io.axoniq.axonserver.grpc.command.Command;
import io.axoniq.axonserver.grpc.command.CommandResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.callbacks.LoggingCallback;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;

/**
 * A command bus whose commands and results make the trip Axon Server's command bus makes: each
 * command is turned into the connector's gRPC {@code Command}, to bytes and back before the local
 * bus handles it, and its result (or failure) into a {@code CommandResponse} the same way before the
 * sender's callback hears of it.
 */
final class WireCommandBus implements CommandBus {

    private final CommandBus local;
    private final Supplier<WireFormatBuses.WireFormat> format;
    /** Applied where the command is sent, before its trip, as Axon Server's bus applies them. */
    private final List<MessageDispatchInterceptor<? super CommandMessage<?>>> dispatchInterceptors = new CopyOnWriteArrayList<>();

    WireCommandBus(CommandBus local, Supplier<WireFormatBuses.WireFormat> format) {
        this.local = local;
        this.format = format;
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, LoggingCallback.INSTANCE);
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> original, CommandCallback<? super C, ? super R> callback) {
        CommandMessage<C> command = original;
        for (MessageDispatchInterceptor<? super CommandMessage<?>> interceptor : dispatchInterceptors) {
            @SuppressWarnings("unchecked")
            CommandMessage<C> intercepted = (CommandMessage<C>) interceptor.handle(command);
            command = intercepted;
        }
        Command sent = format.get().commands().serialize(command, command.getIdentifier(), 0);
        @SuppressWarnings("unchecked")
        CommandMessage<C> received = (CommandMessage<C>) format.get().commands().deserialize(reparse(sent));
        CommandMessage<C> dispatched = command;
        local.dispatch(received, (CommandCallback<C, R>) (handled, result) -> callback.onResult(dispatched, answer(sent, result)));
    }

    private <R> CommandResultMessage<R> answer(Command sent, CommandResultMessage<? extends R> result) {
        try {
            CommandResponse response = format.get().commands().serialize(result, sent.getMessageIdentifier());
            return format.get().commands().deserialize(CommandResponse.parseFrom(response.toByteArray()));
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            // what Axon Server's bus would report: the result could not be sent back
            return GenericCommandResultMessage.asCommandResultMessage(e);
        }
    }

    private static Command reparse(Command sent) {
        try {
            return Command.parseFrom(sent.toByteArray());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return local.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
        return local.registerHandlerInterceptor(interceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        dispatchInterceptors.add(interceptor);
        return () -> dispatchInterceptors.remove(interceptor);
    }
}
