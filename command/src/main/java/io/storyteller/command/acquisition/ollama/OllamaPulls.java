package io.storyteller.command.acquisition.ollama;

import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.domain.acquisition.CompleteOllamaPull;
import io.storyteller.domain.acquisition.FailOllamaPull;
import io.storyteller.domain.acquisition.FindOllamaPull;
import io.storyteller.domain.acquisition.OllamaModelDetails;
import io.storyteller.domain.acquisition.OllamaModelName;
import io.storyteller.domain.acquisition.OllamaModelSummary;
import io.storyteller.domain.acquisition.OllamaPullView;
import io.storyteller.domain.acquisition.PullOllamaModel;
import io.storyteller.domain.acquisition.RequestOllamaPull;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Require;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls models onto Ollama endpoints. The request is put on record (it may be refused: a pull of
 * that model is under way) and answered at once; the pull streams on a thread of its own, its
 * progress kept by {@link OllamaPullProgress}; then the model is shown, listed for its digest,
 * registered, and the pull recorded as completed, or as failed with the reason.
 */
public class OllamaPulls implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OllamaPulls.class);

    private final OllamaEndpoints endpoints;
    private final OllamaRegistration registration;
    private final IndependentCommands commands;
    private final OllamaPullProgress progress;
    private final ExecutorService pulls = Executors.newCachedThreadPool(runnable -> {
        Thread worker = new Thread(runnable, "ollama-pull");
        worker.setDaemon(true);
        return worker;
    });

    public OllamaPulls(OllamaEndpoints endpoints, OllamaRegistration registration, IndependentCommands commands,
            OllamaPullProgress progress) {
        this.endpoints = endpoints;
        this.registration = registration;
        this.commands = commands;
        this.progress = progress;
    }

    @CommandHandler
    public String handle(PullOllamaModel command) {
        Actor actor = ModelAuthority.require(command.actor());
        ProviderEndpoint endpoint = endpoints.require(command.endpoint());
        String model = OllamaModelName.require("model", command.model());
        String pullId = Require.id("pullId", command.pullId());
        commands.send(new RequestOllamaPull(endpoint.name(), pullId, model, actor));
        progress.started(pullId, endpoint.name(), model);
        pulls.submit(() -> pull(endpoint, pullId, model, actor));
        return pullId;
    }

    @QueryHandler
    public Optional<OllamaPullView> handle(FindOllamaPull query) {
        return AccessPolicy.managesModels(query.viewer()) ? progress.find(query.pullId()) : Optional.empty();
    }

    private void pull(ProviderEndpoint endpoint, String pullId, String model, Actor actor) {
        OllamaApi api = endpoints.api(endpoint);
        try {
            api.pull(model, line -> progress.progressed(pullId, line));
            OllamaModelSummary listed = listed(api, model);
            OllamaModelDetails details = api.show(model);
            ModelRef registered = registration.register(endpoint.name(), model, listed, details, null, actor);
            commands.send(new CompleteOllamaPull(endpoint.name(), pullId, listed.digest(), Math.max(1, listed.sizeBytes()),
                    registered));
            progress.completed(pullId, registered);
            log.info("Pulled {} onto {} and registered it as {}", model, endpoint.name(), registered.label());
        } catch (OllamaApiException e) {
            fail(endpoint, pullId, model, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Pull {} of {} onto {} failed", pullId, model, endpoint.name(), e);
            fail(endpoint, pullId, model, "failed on the server's side (see its log)");
        }
    }

    private void fail(ProviderEndpoint endpoint, String pullId, String model, String reason) {
        progress.failed(pullId, reason);
        log.warn("Pull of {} onto {} failed: {}", model, endpoint.name(), reason);
        try {
            commands.send(new FailOllamaPull(endpoint.name(), pullId, reason));
        } catch (RuntimeException e) {
            log.warn("The failure of pull {} could not be recorded: {}", pullId, e.getClass().getSimpleName());
        }
    }

    /** {@code /api/tags} names a bare model {@code <name>:latest}. */
    static OllamaModelSummary listed(OllamaApi api, String model) {
        return api.tags().stream()
                .filter(listed -> model.equals(listed.name()) || (model + ":latest").equals(listed.name()))
                .findFirst()
                .orElseThrow(() -> new OllamaApiException("the server does not list " + model + " after pulling it", 0));
    }

    @Override
    public void close() {
        pulls.shutdownNow();
    }
}
