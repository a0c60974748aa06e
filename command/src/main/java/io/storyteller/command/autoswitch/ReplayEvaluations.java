package io.storyteller.command.autoswitch;

import io.storyteller.command.background.UnfinishedTasks;
import io.storyteller.command.runtime.ModelRuntimes;
import io.storyteller.domain.model.EvaluateModelByReplay;
import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.RecordModelEvaluation;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Require;
import io.storyteller.domain.story.FindRecentPlayerActions;
import io.storyteller.domain.story.RecordedPlayerAction;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs {@link EvaluateModelByReplay}: the command is accepted at once and the replay queued for
 * one of {@code evaluation-threads} threads, so that whoever sent it (the auto-switch saga, on its
 * processor's thread) is not held for the minutes a replay takes. The replay reads the most recent
 * recorded player actions ({@link FindRecentPlayerActions}), runs them through the model by
 * {@link ReplayEvaluation} at its registry price, and records the result as
 * {@link RecordModelEvaluation} (suite {@value #SUITE}) under the request's evaluation id.
 * <p>
 * A model nothing here can run is evaluated as failing every call. A replay that cannot be done
 * (the model is not in the registry yet, a query fails) records nothing: the asker's deadline asks
 * again. Queued replays are lost with the node, which that deadline also covers.
 */
@Component
@ConditionalOnProperty(prefix = "storyteller.auto-switch", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ReplayEvaluations implements AutoCloseable {

    public static final String SUITE = "narration-replay";
    private static final Logger log = LoggerFactory.getLogger(ReplayEvaluations.class);

    private final AutoSwitchProperties properties;
    private final ModelRuntimes runtimes;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final ThreadPoolExecutor replays;
    private final UnfinishedTasks unfinished = new UnfinishedTasks();
    private final ExecutorService calls = Executors.newCachedThreadPool(daemon("auto-switch-call"));
    private final ReplayEvaluation evaluation;

    public ReplayEvaluations(AutoSwitchProperties properties, ModelRuntimes runtimes, QueryGateway queries,
            CommandGateway commands) {
        this.properties = properties;
        this.runtimes = runtimes;
        this.queries = queries;
        this.commands = commands;
        this.replays = new ThreadPoolExecutor(properties.evaluationThreads(), properties.evaluationThreads(), 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), daemon("auto-switch-replay"));
        this.evaluation = new ReplayEvaluation(calls, properties.callTimeout());
    }

    @CommandHandler
    public void handle(EvaluateModelByReplay command) {
        ModelAuthority.require(command.actor());
        ModelRef model = Require.present("model", command.model()).validated("model");
        String evaluationId = Require.text("evaluationId", command.evaluationId(), 300);
        String worldId = command.worldId() == null || command.worldId().isBlank() ? null : command.worldId();
        unfinished.execute(replays, () -> replay(model, worldId, evaluationId));
    }

    /** Waits until the replays accepted so far are done; for tests. */
    void awaitIdle() throws InterruptedException {
        unfinished.awaitNone(Duration.ofMinutes(1));
    }

    private void replay(ModelRef model, String worldId, String evaluationId) {
        try {
            List<RecordedPlayerAction> actions = request(queries.query(
                    new FindRecentPlayerActions(worldId, properties.replayActions(), Actor.system()),
                    ResponseTypes.multipleInstancesOf(RecordedPlayerAction.class)));
            ReplayResult result = evaluate(model, price(model), actions);
            request(commands.send(new RecordModelEvaluation(model.modelId(), model.version(), SUITE, result.metrics(),
                    Actor.system(), evaluationId)));
            log.info("Auto-switch replay of {} on {} actions: {}", model.label(), actions.size(), result);
        } catch (RuntimeException e) {
            log.warn("Auto-switch replay {} of {} failed: {}", evaluationId, model.label(), e.toString());
        }
    }

    /** The model's registry price; a model not (yet) in the read model cannot be priced, so not judged. */
    private TokenPrice price(ModelRef model) {
        List<ModelView> models = request(queries.query(new FindModels(null, null, null, Actor.system()),
                ResponseTypes.multipleInstancesOf(ModelView.class)));
        ModelView entry = models.stream().filter(view -> view.modelId().equals(model.modelId())).findFirst()
                .orElseThrow(() -> new IllegalStateException(model.modelId() + " is not in the registry yet"));
        return entry.spec() == null || entry.spec().price() == null ? TokenPrice.zero() : entry.spec().price();
    }

    private ReplayResult evaluate(ModelRef model, TokenPrice price, List<RecordedPlayerAction> actions) {
        try {
            return evaluation.evaluate(model.label(), runtimes.chatModelFor(model), price, actions);
        } catch (RuntimeException e) {
            // Nothing here can run it: every replayed call fails.
            log.warn("Auto-switch cannot run {}: {}", model.label(), e.getMessage());
            return new ReplayResult(actions.size(), actions.isEmpty() ? 0 : 1, 0, BigDecimal.ZERO,
                    ReplayQuality.score(0, actions.size()));
        }
    }

    private <T> T request(CompletableFuture<T> answer) {
        try {
            return answer.get(properties.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IllegalStateException("no answer within " + properties.requestTimeout(), e);
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        replays.shutdownNow();
        calls.shutdownNow();
    }
}
