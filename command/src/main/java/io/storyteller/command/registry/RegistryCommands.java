package io.storyteller.command.registry;

import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.shared.RejectionKind;
import io.storyteller.domain.shared.Violation;
import io.storyteller.domain.shared.Violations;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends {@link RegisterModel} and {@link AddModelVersion} so that repeating them is harmless: a
 * model that exists already (the event store refuses a second stream) and a version the model
 * has already ({@code version} / {@code unique}) count as done before; a version that meets a
 * concurrent change of its model is sent again (twice at most).
 * <p>
 * Commands go out on a thread of their own: sent from an event handler's or a command's unit of
 * work they would nest in it, and a duplicate would only surface when that outer unit commits,
 * failing all of it. Each command here commits, or fails, alone.
 */
@Component
public class RegistryCommands implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_CAUSES = 16;
    private static final int RETRIES = 2;
    private static final String UNIQUE_VIOLATION = "23505";
    /** Internal: the command met a concurrent write and may be sent again. */
    static final RegistryResult CONCURRENT_WRITE = new RegistryResult(RegistryOutcome.REJECTED, "changed concurrently");

    private final CommandGateway commands;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread worker = new Thread(runnable, "model-registry-commands");
        worker.setDaemon(true);
        return worker;
    });

    public RegistryCommands(CommandGateway commands) {
        this.commands = commands;
    }

    public RegistryResult register(RegisterModel command) {
        return send(command);
    }

    public RegistryResult addVersion(AddModelVersion command) {
        return send(command);
    }

    private RegistryResult send(Object command) {
        RegistryResult result = sendOnce(command);
        // A version added while another writer changed the same model: asking again meets its new state.
        for (int retry = 0; retry < RETRIES && result == CONCURRENT_WRITE; retry++) {
            result = sendOnce(command);
        }
        return result == CONCURRENT_WRITE ? RegistryResult.rejected("changed concurrently, try again") : result;
    }

    private RegistryResult sendOnce(Object command) {
        try {
            Future<Object> sent = thread.submit(() -> commands.send(command).get());
            sent.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return RegistryResult.DONE;
        } catch (ExecutionException e) {
            return classify(command, e.getCause());
        } catch (TimeoutException e) {
            return RegistryResult.rejected("no answer within " + COMMAND_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RegistryResult.rejected("interrupted");
        }
    }

    static RegistryResult classify(Object command, Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (isConcurrentWrite(cause)) {
                // A second stream for the same model id is refused: the model exists already.
                return command instanceof RegisterModel ? RegistryResult.ALREADY_DONE : CONCURRENT_WRITE;
            }
            if (Violations.isConcurrentWrite(cause)) {
                return command instanceof RegisterModel ? RegistryResult.ALREADY_DONE : CONCURRENT_WRITE;
            }
            Violation violation = Violations.in(cause).orElse(null);
            if (violation != null) {
                if (command instanceof AddModelVersion && violation.kind() == RejectionKind.CONFLICT
                        && "version".equals(violation.field()) && "unique".equals(violation.rule())) {
                    return RegistryResult.ALREADY_DONE;
                }
                return RegistryResult.rejected(violation.message());
            }
        }
        // Not a domain rejection: its message may carry anything, so only its kind is told.
        return RegistryResult.rejected("failed: " + failure.getClass().getSimpleName());
    }

    /**
     * The event store refused an event at a sequence number already taken. Axon's default resolver
     * only knows {@link java.sql.SQLIntegrityConstraintViolationException}; PostgreSQL's driver
     * reports a unique violation as SQL state 23505 inside an {@code EventStoreException}.
     */
    private static boolean isConcurrentWrite(Throwable cause) {
        return cause instanceof AggregateStreamCreationException || cause instanceof ConcurrencyException
                || cause instanceof SQLIntegrityConstraintViolationException
                || cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = thrown; t != null && causes.size() < MAX_CAUSES && !causes.contains(t); t = t.getCause()) {
            causes.add(t);
        }
        return causes;
    }

    /** Spring calls it on shutdown (AutoCloseable). */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
