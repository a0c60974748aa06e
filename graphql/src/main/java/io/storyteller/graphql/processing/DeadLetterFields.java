package io.storyteller.graphql.processing;

import io.storyteller.domain.processing.DeadLetterDetail;
import io.storyteller.domain.processing.DeadLetterEviction;
import io.storyteller.domain.processing.DeadLetterRetry;
import io.storyteller.domain.processing.DeadLetterView;
import io.storyteller.domain.processing.EvictDeadLetterSequence;
import io.storyteller.domain.processing.FindDeadLetter;
import io.storyteller.domain.processing.FindDeadLetters;
import io.storyteller.domain.processing.RetryDeadLetterSequence;
import io.storyteller.domain.processing.RetryDeadLetters;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Dead letters of the processing groups; the handlers decide who may see and retry them. */
@Controller
public class DeadLetterFields {

    private final QueryGateway queries;
    private final CommandGateway commands;

    public DeadLetterFields(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @QueryMapping
    public CompletableFuture<List<DeadLetterView>> deadLetters(@Argument String processingGroup, @Argument int first, Actor actor) {
        return queries.query(new FindDeadLetters(processingGroup, first, actor), ResponseTypes.multipleInstancesOf(DeadLetterView.class));
    }

    @QueryMapping
    public CompletableFuture<DeadLetterDetail> deadLetter(@Argument String processingGroup, @Argument String sequence,
            @Argument Long index, Actor actor) {
        return queries.query(new FindDeadLetter(processingGroup, sequence, index, actor),
                ResponseTypes.optionalInstanceOf(DeadLetterDetail.class)).thenApply(found -> found.orElse(null));
    }

    /** One sequence when it is named, else every sequence of the group. */
    @MutationMapping
    public CompletableFuture<DeadLetterRetry> retryDeadLetters(@Argument String processingGroup, @Argument String sequence,
            Actor actor) {
        return sequence == null ? commands.send(new RetryDeadLetters(processingGroup, actor))
                : commands.send(new RetryDeadLetterSequence(processingGroup, sequence, actor));
    }

    @MutationMapping
    public CompletableFuture<DeadLetterEviction> evictDeadLetters(@Argument String processingGroup, @Argument String sequence,
            Actor actor) {
        return commands.send(new EvictDeadLetterSequence(processingGroup, sequence, actor));
    }
}
