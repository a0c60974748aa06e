package io.storyteller.graphql.fakes;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;

/** Test double: records every command sent and answers with a scripted outcome (success by default). */
public class RecordingCommandGateway implements CommandGateway {

    private final List<Object> sent = new CopyOnWriteArrayList<>();
    private volatile Function<Object, CompletableFuture<Object>> outcome = command -> CompletableFuture.completedFuture(null);

    public void reset() {
        sent.clear();
        answerWith(command -> CompletableFuture.completedFuture(null));
    }

    public void answerWith(Function<Object, CompletableFuture<Object>> outcome) {
        this.outcome = outcome;
    }

    public void failWith(Throwable failure) {
        answerWith(command -> CompletableFuture.failedFuture(failure));
    }

    public List<Object> sent() {
        return List.copyOf(sent);
    }

    public Object onlyCommand() {
        if (sent.size() != 1) {
            throw new AssertionError("expected exactly one command but got " + sent);
        }
        return sent.getFirst();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> send(Object command) {
        sent.add(command);
        return (CompletableFuture<R>) outcome.apply(command);
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        throw new UnsupportedOperationException("the API uses send(command) only");
    }

    @Override
    public <R> R sendAndWait(Object command) {
        throw new UnsupportedOperationException("the API never blocks on a command");
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        throw new UnsupportedOperationException("the API never blocks on a command");
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return () -> true;
    }
}
