package io.storyteller.command.acquisition.ollama;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Sends a command so that it commits, or fails, on its own. Sent from inside another command's
 * handler it would nest in that unit of work, and a later failure there (an Ollama server that
 * refuses) would roll back what must stay on record: that the operation began and why it failed.
 */
public class IndependentCommands implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CommandGateway commands;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread worker = new Thread(runnable, "acquisition-commands");
        worker.setDaemon(true);
        return worker;
    });

    public IndependentCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends and waits; a rejection is thrown as it was (a {@code DomainRejection} stays one). */
    public <R> R send(Object command) {
        try {
            return threads.<R>submit(() -> commands.sendAndWait(command)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException rejection) {
                throw rejection;
            }
            throw new IllegalStateException(command.getClass().getSimpleName() + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " had no answer within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + command.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
