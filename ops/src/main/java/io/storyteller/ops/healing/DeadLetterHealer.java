package io.storyteller.ops.healing;

import io.storyteller.command.healing.HealingActions;
import io.storyteller.domain.healing.HealingKind;
import io.storyteller.domain.healing.HealingOutcome;
import io.storyteller.ops.processing.DeadLetterRetries;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Retries each dead-lettered sequence once its backoff has passed ({@link Backoff}: after the
 * letter was last touched, doubling with each failed retry, capped), up to the retry cap; then it
 * stops and records the sequence once as given up, for operators. A retry goes through the group's
 * dead-letter processor like an operator's, which claims the sequence in the queue's table: two
 * instances never handle one sequence at once, and the one that found it claimed skips it.
 */
public class DeadLetterHealer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHealer.class);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final JdbcClient jdbc;
    private final HealingActions actions;
    private final HealingProperties.DeadLetters settings;
    private final Clock clock;
    /** Sequences this instance already recorded as given up; the record's derived id keeps other instances from repeating it. */
    private final Set<String> givenUp = ConcurrentHashMap.newKeySet();

    DeadLetterHealer(ObjectProvider<EventProcessingConfiguration> processing, JdbcClient jdbc, HealingActions actions,
            HealingProperties.DeadLetters settings, Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.actions = actions;
        this.settings = settings;
        this.clock = clock;
    }

    /** One pass over every group's queue: each sequence whose backoff has passed is retried once. */
    @Scheduled(initialDelayString = "${storyteller.healing.dead-letters.check-every:30s}",
            fixedDelayString = "${storyteller.healing.dead-letters.check-every:30s}")
    public synchronized void heal() {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) {
            return;
        }
        // Only the groups with something parked: read from the queue's table, as the operators' listing does.
        for (String group : jdbc.sql("SELECT DISTINCT processinggroup FROM deadletterentry").query(String.class).list()) {
            Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = config.deadLetterQueue(group);
            Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor = config.sequencedDeadLetterProcessor(group);
            if (queue.isPresent() && processor.isPresent()) {
                heal(group, queue.get(), processor.get());
            }
        }
    }

    private void heal(String group, SequencedDeadLetterQueue<EventMessage<?>> queue,
            SequencedDeadLetterProcessor<EventMessage<?>> processor) {
        for (JdbcDeadLetter<?> head : heads(queue)) {
            String sequence = head.getSequenceIdentifier();
            int retries = DeadLetterRetries.retries(head);
            if (retries >= settings.maxAttempts()) {
                giveUp(group, sequence, head, retries);
            } else if (due(head, retries)) {
                retry(group, sequence, retries, queue, processor);
            }
        }
    }

    private void retry(String group, String sequence, int retries, SequencedDeadLetterQueue<EventMessage<?>> queue,
            SequencedDeadLetterProcessor<EventMessage<?>> processor) {
        String subject = group + " sequence " + sequence;
        // Still due as the queue has it now: another instance may have retried it since this pass read it.
        // A retry that failed by throwing is counted too, and recorded below as failed.
        boolean cleared = DeadLetterRetries.retry(queue, processor, sequence,
                stored -> DeadLetterRetries.retries(stored) == retries && due(stored, retries));
        if (cleared) {
            actions.record(HealingKind.DEAD_LETTER_RETRY, subject, "handled again after " + (retries + 1)
                    + (retries == 0 ? " retry" : " retries") + "; the sequence is cleared", HealingOutcome.HEALED, 1);
            return;
        }
        Optional<JdbcDeadLetter<?>> now = DeadLetterRetries.head(queue, sequence);
        int after = now.map(DeadLetterRetries::retries).orElse(retries);
        if (now.isEmpty() || after <= retries) {
            return; // claimed by another instance (or an operator) meanwhile: theirs to record
        }
        String next = after >= settings.maxAttempts() ? "no more retries"
                : "next retry in " + settings.backoff().after(after).toString().substring(2).toLowerCase();
        actions.record(HealingKind.DEAD_LETTER_RETRY, subject, "failed again (retry " + after + " of "
                + settings.maxAttempts() + "): " + now.get().cause().map(c -> simpleName(c.type())).orElse("unknown cause")
                + "; " + next, HealingOutcome.FAILED, 1);
        if (after >= settings.maxAttempts()) {
            giveUp(group, sequence, now.get(), after);
        }
    }

    private boolean due(DeadLetter<?> head, int retries) {
        return !clock.instant().isBefore(head.lastTouched().plus(settings.backoff().after(retries)));
    }

    private void giveUp(String group, String sequence, DeadLetter<?> head, int retries) {
        String actionId = givenUpId(group, sequence, head.message().getIdentifier());
        if (!givenUp.add(actionId)) {
            return;
        }
        actions.recordAs(actionId, HealingKind.DEAD_LETTER_GIVEN_UP, group + " sequence " + sequence,
                "still failing after " + retries + " retries: left to operators (retry or evict it)", HealingOutcome.GAVE_UP, 1);
    }

    /** The first letter of every parked sequence. */
    private static List<JdbcDeadLetter<?>> heads(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<JdbcDeadLetter<?>> heads = new ArrayList<>();
        for (Iterable<? extends DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letter instanceof JdbcDeadLetter<?> stored) {
                    heads.add(stored);
                }
                break;
            }
        }
        return heads;
    }

    /** One id per parked head letter: recording it twice is refused as a duplicate. */
    static String givenUpId(String group, String sequence, String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((group + "\n" + sequence + "\n" + messageId).getBytes(StandardCharsets.UTF_8));
            return "dead-letter-given-up:" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String simpleName(String type) {
        return type == null ? "unknown cause" : type.substring(type.lastIndexOf('.') + 1);
    }
}
