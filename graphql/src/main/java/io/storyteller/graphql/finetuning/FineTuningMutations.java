package io.storyteller.graphql.finetuning;

import io.storyteller.domain.finetuning.CancelFineTuning;
import io.storyteller.domain.finetuning.FindFineTuning;
import io.storyteller.domain.finetuning.FineTuningStatus;
import io.storyteller.domain.finetuning.FineTuningView;
import io.storyteller.domain.shared.Actor;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Requests and cancels fine-tunings; the FineTuning decides who may and what is valid. Each answers
 * the fine-tuning as the read model holds it once it shows the change: the read model is watched
 * before the command is sent, so the answer comes without polling and never misses the change.
 */
@Controller
public class FineTuningMutations {

    /** How long a change may take to reach the read model before the answer gives up. */
    static final Duration READ_MODEL_LAG = Duration.ofSeconds(30);

    private final CommandGateway commands;
    private final QueryGateway queries;

    public FineTuningMutations(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @MutationMapping
    public CompletableFuture<FineTuningView> requestFineTuning(@Argument FineTuningInput input, Actor actor) {
        String fineTuningId = "ft-" + UUID.randomUUID();
        return once(fineTuningId, actor, view -> true, () -> commands.send(input.toCommand(fineTuningId, actor)));
    }

    @MutationMapping
    public CompletableFuture<FineTuningView> cancelFineTuning(@Argument String id, @Argument String reason, Actor actor) {
        return once(id, actor, view -> view.status() == FineTuningStatus.CANCELLED,
                () -> commands.send(new CancelFineTuning(id, reason, actor)));
    }

    /** Watches the fine-tuning, sends the command, and answers the first view that {@code shows} its effect. */
    private CompletableFuture<FineTuningView> once(String fineTuningId, Actor actor, Predicate<FineTuningView> shows,
            Supplier<CompletableFuture<?>> command) {
        SubscriptionQueryResult<Optional<FineTuningView>, FineTuningView> watch = queries.subscriptionQuery(
                new FindFineTuning(fineTuningId, actor), ResponseTypes.optionalInstanceOf(FineTuningView.class),
                ResponseTypes.instanceOf(FineTuningView.class));
        CompletableFuture<FineTuningView> answer;
        try {
            answer = command.get().thenCompose(sent -> Flux.concat(watch.initialResult().flatMap(Mono::justOrEmpty), watch.updates())
                    .filter(shows)
                    .next()
                    .timeout(READ_MODEL_LAG)
                    .toFuture());
        } catch (RuntimeException e) {
            watch.cancel();
            throw e;
        }
        return answer.whenComplete((view, failure) -> watch.cancel());
    }
}
