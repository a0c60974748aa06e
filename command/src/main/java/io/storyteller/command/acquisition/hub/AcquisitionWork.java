package io.storyteller.command.acquisition.hub;

import io.storyteller.domain.acquisition.AcquisitionStep;
import io.storyteller.domain.acquisition.FailAcquisition;
import io.storyteller.domain.acquisition.ReportAcquisitionSetback;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an acquisition's step off the sender's thread (a download takes minutes; the saga must not
 * wait) and answers with a command to the Acquisition: the step's record, a setback another attempt
 * may mend, or a failure. A step already running for an acquisition is not started twice (the
 * saga's deadline may ask again while it runs). Work queued here is lost with the node; the saga's
 * deadline asks for it again.
 */
class AcquisitionWork implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AcquisitionWork.class);

    private final CommandGateway commands;
    private final ExecutorService threads;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    AcquisitionWork(CommandGateway commands, int threads, String name) {
        this.commands = commands;
        this.threads = Executors.newFixedThreadPool(threads, runnable -> {
            Thread worker = new Thread(runnable, name);
            worker.setDaemon(true);
            return worker;
        });
    }

    /** @param step does the work and answers the command that records it */
    void run(String acquisitionId, AcquisitionStep stepName, java.util.function.Supplier<Object> step) {
        if (!running.add(acquisitionId + "/" + stepName)) {
            log.debug("Acquisition {}: {} is running already", acquisitionId, stepName);
            return;
        }
        threads.execute(() -> {
            try {
                answer(acquisitionId, step.get());
            } catch (HubUnavailableException e) {
                answer(acquisitionId, e.retryable()
                        ? new ReportAcquisitionSetback(acquisitionId, stepName, e.getMessage(), Actor.system())
                        : new FailAcquisition(acquisitionId, stepName, e.getMessage(), Actor.system()));
            } catch (DomainRejection e) {
                answer(acquisitionId, new FailAcquisition(acquisitionId, stepName, e.violation().message(), Actor.system()));
            } catch (RuntimeException e) {
                // Not a Hub answer: its message may hold anything, so only its kind is recorded.
                log.warn("Acquisition {}: {} failed", acquisitionId, stepName, e);
                answer(acquisitionId, new ReportAcquisitionSetback(acquisitionId, stepName,
                        stepName + " failed on the server's side (see its log)", Actor.system()));
            } finally {
                running.remove(acquisitionId + "/" + stepName);
            }
        });
    }

    private void answer(String acquisitionId, Object command) {
        Consumer<Throwable> refused = failure -> log.info("Acquisition {}: {} was not recorded: {}", acquisitionId,
                command.getClass().getSimpleName(), failure.getMessage());
        try {
            commands.send(command).exceptionally(failure -> {
                refused.accept(failure);
                return null;
            });
        } catch (RuntimeException e) {
            refused.accept(e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
