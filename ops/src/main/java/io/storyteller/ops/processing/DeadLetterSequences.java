package io.storyteller.ops.processing;

import io.storyteller.domain.processing.DeadLetterEviction;
import io.storyteller.domain.processing.DeadLetterRetry;
import io.storyteller.domain.processing.EvictDeadLetterSequence;
import io.storyteller.domain.processing.RetryDeadLetterSequence;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** One dead-lettered sequence, for platform admins: handled again, or evicted from the queue unhandled. */
@Component
class DeadLetterSequences {

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final OperatorActions actions;

    DeadLetterSequences(ObjectProvider<EventProcessingConfiguration> processing, OperatorActions actions) {
        this.processing = processing;
        this.actions = actions;
    }

    @CommandHandler
    DeadLetterRetry handle(RetryDeadLetterSequence command) {
        Actor actor = StreamingProcessors.operator(command.actor(), "retry dead letters");
        String group = Require.text("processingGroup", command.processingGroup(), 200);
        String sequence = Require.text("sequence", command.sequence(), 255);
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group, sequence);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.getObject().sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> noGroup(group));
        return actions.perform(actor, "retryDeadLetters", group + " sequence " + sequence, () -> {
            // a retry that fails by throwing is counted and answered as failed again, as the healer's is
            boolean cleared = DeadLetterRetries.retry(queue, processor, sequence, stored -> true);
            return new DeadLetterRetry(group, 1, cleared ? 1 : 0, queue.amountOfSequences());
        }, retry -> retry.sequencesCleared() == 1 ? "cleared" : "failed again, still dead-lettered", retry -> retry.sequencesCleared() == 1);
    }

    @CommandHandler
    DeadLetterEviction handle(EvictDeadLetterSequence command) {
        Actor actor = StreamingProcessors.operator(command.actor(), "evict dead letters");
        String group = Require.text("processingGroup", command.processingGroup(), 200);
        String sequence = Require.text("sequence", command.sequence(), 255);
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group, sequence);
        return actions.perform(actor, "evictDeadLetters", group + " sequence " + sequence, () -> {
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            queue.deadLetterSequence(sequence).forEach(letters::add);
            letters.forEach(queue::evict);
            return new DeadLetterEviction(group, sequence, letters.size());
        }, eviction -> "evicted " + eviction.lettersEvicted() + " dead letters unhandled", eviction -> true);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.getObject().deadLetterQueue(group)
                .orElseThrow(() -> noGroup(group));
        if (!queue.contains(sequence)) {
            throw DomainRejection.notFound("sequence", "no dead letters of sequence " + sequence + " in " + group);
        }
        return queue;
    }

    private static DomainRejection noGroup(String group) {
        return DomainRejection.notFound("processingGroup", "no processing group " + group + " with a dead-letter queue");
    }
}
