package io.storyteller.ops.processing;

import io.storyteller.domain.processing.ProcessorReset;
import io.storyteller.domain.processing.ResetEventProcessor;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Resets a processor for a platform admin: stopped (releasing its claims), its tokens set back to
 * the start of the log or to a point in time (its handlers' reset hooks clear their read models),
 * and started again, also when the reset failed: a processor left stopped would hold readiness
 * DOWN and its read model still.
 */
@Component
class ProcessorResets {

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ProcessorProgress progress;
    private final OperatorActions actions;
    private final ProcessorHolds holds;
    private final Clock clock;

    @Autowired
    ProcessorResets(ObjectProvider<EventProcessingConfiguration> processing, ProcessorProgress progress, OperatorActions actions,
            ProcessorHolds holds) {
        this(processing, progress, actions, holds, Clock.systemUTC());
    }

    ProcessorResets(ObjectProvider<EventProcessingConfiguration> processing, ProcessorProgress progress, OperatorActions actions,
            ProcessorHolds holds, Clock clock) {
        this.processing = processing;
        this.progress = progress;
        this.actions = actions;
        this.holds = holds;
        this.clock = clock;
    }

    @CommandHandler
    ProcessorReset handle(ResetEventProcessor command) {
        Actor actor = StreamingProcessors.operator(command.actor(), "reset event processors");
        StreamingEventProcessor processor = StreamingProcessors.named(processing.getObject(), command.name());
        String name = processor.getName();
        Instant from = command.from();
        if (from != null && from.isAfter(clock.instant())) {
            throw DomainRejection.invalid("from", "not-in-future", "from must not be in the future, but was " + from);
        }
        if (!processor.supportsReset()) {
            throw DomainRejection.conflict("name", "supports-reset",
                    "event processor " + name + " does not support a reset (a saga's processor cannot replay)");
        }
        return actions.perform(actor, "resetProcessor", name, () -> holds.holding(name, () -> reset(processor, from)),
                reset -> "reset to " + (from == null ? "the start of the log" : from) + "; replaying up to " + reset.headAtReset(),
                reset -> true);
    }

    private ProcessorReset reset(StreamingEventProcessor processor, Instant from) {
        long head = progress.head();
        processor.shutDown();
        try {
            if (from == null) {
                processor.resetTokens();
            } else {
                processor.resetTokens(source -> source.createTokenAt(from));
            }
        } catch (UnableToClaimTokenException claimed) {
            // a reset needs every segment's claim; another instance still holds one
            throw DomainRejection.conflict("name", "claimed-elsewhere", "event processor " + processor.getName()
                    + " has segments claimed by another instance; stop it there, or try again once they are released");
        } finally {
            processor.start();
        }
        return new ProcessorReset(processor.getName(), from, head);
    }
}
