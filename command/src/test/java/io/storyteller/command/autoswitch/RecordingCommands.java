package io.storyteller.command.autoswitch;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;

/** A command gateway double that remembers every command and accepts it. */
final class RecordingCommands implements CommandGateway {

    final List<Object> sent = new CopyOnWriteArrayList<>();

    <T> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        sent.add(command);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        sent.add(command);
        CommandMessage<C> message = GenericCommandMessage.asCommandMessage(command);
        callback.onResult(message, GenericCommandResultMessage.asCommandResultMessage((R) null));
    }

    @Override
    public <R> R sendAndWait(Object command) {
        return this.<R>send(command).join();
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return sendAndWait(command);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return () -> true;
    }
}
