package io.storyteller.command.acquisition.ollama;

import io.storyteller.domain.acquisition.ListOllamaModels;
import io.storyteller.domain.acquisition.OllamaModelDetails;
import io.storyteller.domain.acquisition.OllamaModelName;
import io.storyteller.domain.acquisition.OllamaModelSummary;
import io.storyteller.domain.acquisition.ShowOllamaModel;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.shared.DomainRejection;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.queryhandling.QueryHandler;

/** Asks an Ollama endpoint's server what it holds; for those who manage models only, as it reaches a server. */
public class OllamaQueries {

    private final OllamaEndpoints endpoints;

    public OllamaQueries(OllamaEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @QueryHandler
    public List<OllamaModelSummary> handle(ListOllamaModels query) {
        ModelAuthority.require(query.viewer());
        OllamaApi api = endpoints.api(endpoints.require(query.endpoint()));
        return asked(api::tags);
    }

    @QueryHandler
    public OllamaModelDetails handle(ShowOllamaModel query) {
        ModelAuthority.require(query.viewer());
        OllamaApi api = endpoints.api(endpoints.require(query.endpoint()));
        String model = OllamaModelName.require("model", query.model());
        return asked(() -> api.show(model));
    }

    private static <T> T asked(Supplier<T> call) {
        try {
            return call.get();
        } catch (OllamaApiException e) {
            throw e.status() == 404 ? DomainRejection.notFound("model", e.getMessage())
                    : DomainRejection.conflict("endpoint", "available", e.getMessage());
        }
    }
}
