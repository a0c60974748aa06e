package io.storyteller.command.support;

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

/** A command gateway double: remembers every command; accepts them all, or rejects them all. */
public final class RecordingCommandGateway implements CommandGateway {

    public final List<Object> sent = new CopyOnWriteArrayList<>();
    private volatile RuntimeException rejection;

    public void rejectWith(RuntimeException rejection) {
        this.rejection = rejection;
    }

    public <T> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        sent.add(command);
        return rejection == null ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(rejection);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        sent.add(command);
        CommandMessage<C> message = GenericCommandMessage.asCommandMessage(command);
        callback.onResult(message, rejection == null
                ? GenericCommandResultMessage.asCommandResultMessage((R) null)
                : GenericCommandResultMessage.asCommandResultMessage(rejection));
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
