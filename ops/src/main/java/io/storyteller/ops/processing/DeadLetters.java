package io.storyteller.ops.processing;

import io.storyteller.domain.processing.DeadLetterRetry;
import io.storyteller.domain.processing.DeadLetterView;
import io.storyteller.domain.processing.FindDeadLetters;
import io.storyteller.domain.processing.RetryDeadLetters;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The processing groups' dead-letter queues, for platform admins: what is parked there (read from
 * the queue's table) and handling it again (through Axon's dead-letter processor of the group).
 */
@Component
class DeadLetters {

    private static final int MAX_LIMIT = 500;
    private static final String SELECT = """
            SELECT processinggroup, sequenceidentifier, sequenceindex, payloadtype, causetype, causemessage,
                   enqueuedat, lasttouched
            FROM deadletterentry
            WHERE (CAST(:group AS text) IS NULL OR processinggroup = :group)
            ORDER BY enqueuedat, processinggroup, sequenceidentifier, sequenceindex
            LIMIT :limit""";

    private final JdbcClient jdbc;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final OperatorActions actions;

    DeadLetters(JdbcClient jdbc, ObjectProvider<EventProcessingConfiguration> processing, OperatorActions actions) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.actions = actions;
    }

    @QueryHandler
    List<DeadLetterView> handle(FindDeadLetters query) {
        if (!AccessPolicy.hasPlatformAuthority(query.viewer())) {
            return List.of();
        }
        return jdbc.sql(SELECT)
                .param("group", query.processingGroup())
                .param("limit", Math.clamp(query.limit(), 0, MAX_LIMIT))
                .query(DeadLetters::view).list();
    }

    @CommandHandler
    DeadLetterRetry handle(RetryDeadLetters command) {
        if (!AccessPolicy.hasPlatformAuthority(Require.present("actor", command.actor()))) {
            throw DomainRejection.forbidden("role:platform-admin", "only platform admins retry dead letters");
        }
        String group = Require.text("processingGroup", command.processingGroup(), 200);
        EventProcessingConfiguration config = processing.getObject();
        SequencedDeadLetterQueue<EventMessage<?>> queue = config.deadLetterQueue(group).orElseThrow(
                () -> DomainRejection.notFound("processingGroup", "no processing group " + group + " with a dead-letter queue"));
        SequencedDeadLetterProcessor<EventMessage<?>> processor = config.sequencedDeadLetterProcessor(group).orElseThrow(
                () -> DomainRejection.notFound("processingGroup", "no processing group " + group + " with a dead-letter queue"));
        return actions.perform(command.actor(), "retryDeadLetters", group, () -> retry(group, queue, processor),
                retry -> "tried " + retry.sequencesTried() + " sequences, cleared " + retry.sequencesCleared() + ", "
                        + retry.sequencesRemaining() + " remain",
                retry -> retry.sequencesCleared() == retry.sequencesTried());
    }

    private static DeadLetterRetry retry(String group, SequencedDeadLetterQueue<EventMessage<?>> queue,
            SequencedDeadLetterProcessor<EventMessage<?>> processor) {
        // Each pass takes the sequence tried longest ago, so a sequence failing again does not starve the others.
        long sequences = queue.amountOfSequences();
        int tried = 0;
        int cleared = 0;
        for (; tried < sequences; tried++) {
            if (processor.processAny()) {
                cleared++;
            }
        }
        return new DeadLetterRetry(group, tried, cleared, queue.amountOfSequences());
    }

    static DeadLetterView view(ResultSet row, int index) throws SQLException {
        return new DeadLetterView(row.getString("processinggroup"), row.getString("sequenceidentifier"),
                row.getLong("sequenceindex"), simpleName(row.getString("payloadtype")), simpleName(row.getString("causetype")),
                row.getString("causemessage"), instant(row.getString("enqueuedat")), instant(row.getString("lasttouched")));
    }

    private static String simpleName(String className) {
        return className == null ? null : className.substring(className.lastIndexOf('.') + 1);
    }

    private static Instant instant(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }
}
