package io.storyteller.command.healing;

import io.storyteller.domain.healing.HealingKind;
import io.storyteller.domain.healing.HealingOutcome;
import io.storyteller.domain.healing.RecordHealingAction;
import io.storyteller.domain.shared.Actor;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records what the platform healed as a {@code HealingActionRecorded} event, as the platform itself.
 * The record is sent from a thread of its own, outside any unit of work: healing never waits on its
 * record, and a record that cannot be stored loses no healing (it is logged instead).
 */
@Component
public class HealingActions {

    private static final Logger log = LoggerFactory.getLogger(HealingActions.class);
    private static final Executor RECORDER = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("healing-record-", 0).factory());
    private static final int MAX_SUBJECT = 300;
    private static final int MAX_DETAIL = 1000;

    private final CommandGateway commands;

    public HealingActions(CommandGateway commands) {
        this.commands = commands;
    }

    /** @return completes with true once recorded, false when it could not be */
    public CompletableFuture<Boolean> record(HealingKind kind, String subject, String detail, HealingOutcome outcome,
            int occurrences) {
        return recordAs(UUID.randomUUID().toString(), kind, subject, detail, outcome, occurrences);
    }

    /**
     * Records it under an id derived from what it records: a second record of the same thing, from
     * this instance or another, is refused as a duplicate, so it is recorded once.
     *
     * @return completes with true once recorded, false when it was recorded before (or could not be)
     */
    public CompletableFuture<Boolean> recordAs(String actionId, HealingKind kind, String subject, String detail,
            HealingOutcome outcome, int occurrences) {
        RecordHealingAction command = new RecordHealingAction(actionId, kind, cut(subject, MAX_SUBJECT),
                cut(detail, MAX_DETAIL), outcome, occurrences, Actor.system());
        return CompletableFuture.supplyAsync(() -> {
            try {
                commands.sendAndWait(command);
                return true;
            } catch (RuntimeException e) {
                log.debug("Healing action {} {} not recorded: {}", kind, command.subject(), e.toString());
                return false;
            }
        }, RECORDER);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
