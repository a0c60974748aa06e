package io.storyteller.ops.healing;

import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one dead-lettered sequence again through its group's dead-letter processor, for the
 * healer and for operators alike. The processor claims the sequence in the queue's table, so two
 * instances never handle one sequence at once, and counts a retry that fails ({@link RetryCounting}).
 * <p>
 * A retry may also fail by throwing out of the processor, and then leave its letter neither counted
 * nor touched: Axon's processing task throws, instead of requeueing, when the failure comes after
 * the handler (a batched projection writing as its unit of work commits). Such a letter would be
 * retried at every healer pass, with no backoff and no cap; it is counted here as a failed retry,
 * with the exception as its cause, unless the queue counted it already or it is gone.
 */
public final class DeadLetterRetries {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetries.class);

    private DeadLetterRetries() {
    }

    /**
     * @param which which of the sequence's head letters may be handled now (e.g. still due)
     * @return true when the sequence was handled and left the queue; false when it failed again or
     *         was not handled (another instance holds it, or {@code which} refused it)
     */
    public static boolean retry(SequencedDeadLetterQueue<EventMessage<?>> queue,
            SequencedDeadLetterProcessor<EventMessage<?>> processor, String sequence, Predicate<JdbcDeadLetter<?>> which) {
        Optional<JdbcDeadLetter<?>> before = head(queue, sequence);
        try {
            return processor.process(letter -> letter instanceof JdbcDeadLetter<?> stored
                    && sequence.equals(stored.getSequenceIdentifier()) && which.test(stored));
        } catch (RuntimeException e) {
            log.warn("Retrying the dead letters of sequence {} failed: {}", sequence, e.toString());
            before.ifPresent(letter -> countThrown(queue, sequence, RetryCounting.retries(letter), e));
            return false;
        }
    }

    /** The first letter of a parked sequence, when it has one. */
    static Optional<JdbcDeadLetter<?>> head(SequencedDeadLetterQueue<EventMessage<?>> queue, String sequence) {
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
            return letter instanceof JdbcDeadLetter<?> stored ? Optional.of(stored) : Optional.empty();
        }
        return Optional.empty();
    }

    private static void countThrown(SequencedDeadLetterQueue<EventMessage<?>> queue, String sequence, int retries,
            RuntimeException failure) {
        Optional<JdbcDeadLetter<?>> still = head(queue, sequence);
        if (still.isEmpty() || RetryCounting.retries(still.get()) != retries) {
            return;
        }
        try {
            queue.requeue(still.get(), letter -> letter.withCause(failure)
                    .withDiagnostics(RetryCounting.counted(letter)).markTouched());
        } catch (RuntimeException e) {
            log.warn("Could not count the failed retry of sequence {}: {}", sequence, e.toString());
        }
    }
}
