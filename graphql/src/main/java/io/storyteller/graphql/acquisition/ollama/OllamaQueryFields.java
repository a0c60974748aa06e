package io.storyteller.graphql.acquisition.ollama;

import io.storyteller.domain.acquisition.FindOllamaPull;
import io.storyteller.domain.acquisition.ListOllamaModels;
import io.storyteller.domain.acquisition.OllamaModelDetails;
import io.storyteller.domain.acquisition.OllamaModelSummary;
import io.storyteller.domain.acquisition.OllamaPullView;
import io.storyteller.domain.acquisition.ShowOllamaModel;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Reads an Ollama endpoint's models and the progress of pulls; the handlers decide who may. */
@Controller
public class OllamaQueryFields {

    private final QueryGateway queries;

    public OllamaQueryFields(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    public CompletableFuture<List<OllamaModelSummary>> ollamaModels(@Argument String endpoint, Actor actor) {
        return queries.query(new ListOllamaModels(endpoint, actor), ResponseTypes.multipleInstancesOf(OllamaModelSummary.class));
    }

    @QueryMapping
    public CompletableFuture<OllamaModelDetails> ollamaShow(@Argument String endpoint, @Argument String model, Actor actor) {
        return queries.query(new ShowOllamaModel(endpoint, model, actor), OllamaModelDetails.class);
    }

    @QueryMapping
    public CompletableFuture<OllamaPullView> ollamaPull(@Argument String pullId, Actor actor) {
        return queries.query(new FindOllamaPull(pullId, actor), ResponseTypes.optionalInstanceOf(OllamaPullView.class))
                .thenApply(found -> found.orElse(null));
    }
}
