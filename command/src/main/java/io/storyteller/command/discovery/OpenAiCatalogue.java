package io.storyteller.command.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.model.ModelKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An OpenAI-compatible server's {@code GET /v1/models} ({@code data[].id}). OpenAI tells no
 * context window; compatible servers that do ({@code context_window}, {@code context_length},
 * {@code max_model_len}) are believed. The version of an API model is its id.
 */
final class OpenAiCatalogue implements ModelCatalogue {

    private final ProviderConnection connection;
    private final CatalogueHttp http;

    OpenAiCatalogue(ProviderConnection connection, CatalogueHttp http) {
        this.connection = connection;
        this.http = http;
    }

    @Override
    public ProviderConnection connection() {
        return connection;
    }

    @Override
    public List<ListedModel> list() {
        JsonNode page = http.get(connection, "/v1/models", headers -> {
            if (connection.hasKey()) {
                headers.setBearerAuth(connection.apiKey());
            }
        });
        JsonNode data = page.path("data");
        if (!data.isArray()) {
            throw CatalogueHttp.notAModelList(connection);
        }
        List<ListedModel> models = new ArrayList<>();
        for (JsonNode model : data) {
            String id = model.path("id").asText("");
            if (id.isBlank()) {
                continue;
            }
            Optional<ModelKind> kind = ModelKinds.of(id, List.of());
            kind.ifPresent(k -> models.add(new ListedModel(id, id, k, ModelKinds.capabilities(k),
                    CatalogueJson.firstInt(model, "context_window", "context_length", "max_model_len"), null)));
        }
        return models;
    }
}
