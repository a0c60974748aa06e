package io.storyteller.ops.processing;

import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one dead-lettered sequence again through its group's dead-letter processor, for the
 * healer and for operators alike. The processor claims the sequence in the queue's table, so two
 * instances never handle one sequence at once. Each letter counts in its diagnostics
 * ({@value #RETRIES}) how often it was handled again and failed: every group's dead-letter policy
 * counts a retry that fails (see {@link #counted}), so the backoff lives in the queue's own table,
 * survives restarts and is shared by every instance.
 * <p>
 * A retry may also fail by throwing out of the processor, and then leave its letter neither counted
 * nor touched: Axon's processing task throws, instead of requeueing, when the failure comes after
 * the handler (a batched projection writing as its unit of work commits). Such a letter would be
 * retried at every healer pass, with no backoff and no cap; it is counted here as a failed retry,
 * with the exception as its cause, unless the queue counted it already or it is gone.
 */
public final class DeadLetterRetries {

    public static final String RETRIES = "retries";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetries.class);

    private DeadLetterRetries() {
    }

    /** A letter parked for the first time has no count (0 retries); one that failed again, one more. */
    public static MetaData counted(DeadLetter<?> letter) {
        MetaData diagnostics = letter.diagnostics();
        return diagnostics.and(RETRIES, diagnostics.containsKey(RETRIES) ? retries(letter) + 1 : 0);
    }

    /** How often the letter was handled again and failed. */
    public static int retries(DeadLetter<?> letter) {
        return letter.diagnostics().get(RETRIES) instanceof Number n ? n.intValue() : 0;
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
            before.ifPresent(letter -> countThrown(queue, sequence, retries(letter), e));
            return false;
        }
    }

    /** The first letter of a parked sequence, when it has one. */
    public static Optional<JdbcDeadLetter<?>> head(SequencedDeadLetterQueue<EventMessage<?>> queue, String sequence) {
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
            return letter instanceof JdbcDeadLetter<?> stored ? Optional.of(stored) : Optional.empty();
        }
        return Optional.empty();
    }

    private static void countThrown(SequencedDeadLetterQueue<EventMessage<?>> queue, String sequence, int retries,
            RuntimeException failure) {
        Optional<JdbcDeadLetter<?>> still = head(queue, sequence);
        if (still.isEmpty() || retries(still.get()) != retries) {
            return;
        }
        try {
            queue.requeue(still.get(), letter -> letter.withCause(failure)
                    .withDiagnostics(counted(letter)).markTouched());
        } catch (RuntimeException e) {
            log.warn("Could not count the failed retry of sequence {}: {}", sequence, e.toString());
        }
    }
}
