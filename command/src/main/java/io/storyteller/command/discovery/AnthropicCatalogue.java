package io.storyteller.command.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.model.ModelKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Anthropic's {@code GET /v1/models}, page by page: {@code data[].id}, then {@code after_id=<last_id>}
 * while {@code has_more}, at most {@code storyteller.discovery.max-pages} pages. Its headers are
 * {@code x-api-key} and {@code anthropic-version}. A context window is believed when listed
 * ({@code max_input_tokens} or {@code context_window}).
 */
final class AnthropicCatalogue implements ModelCatalogue {

    static final String API_VERSION = "2023-06-01";
    static final int PAGE_SIZE = 100;

    private final ProviderConnection connection;
    private final CatalogueHttp http;
    private final int maxPages;

    AnthropicCatalogue(ProviderConnection connection, CatalogueHttp http, int maxPages) {
        this.connection = connection;
        this.http = http;
        this.maxPages = maxPages;
    }

    @Override
    public ProviderConnection connection() {
        return connection;
    }

    @Override
    public List<ListedModel> list() {
        List<ListedModel> models = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String after = null;
        for (int page = 0; page < maxPages; page++) {
            JsonNode answer = http.get(connection, "/v1/models?limit=" + PAGE_SIZE
                    + (after == null ? "" : "&after_id=" + URLEncoder.encode(after, StandardCharsets.UTF_8)), headers -> {
                        headers.set("x-api-key", connection.apiKey());
                        headers.set("anthropic-version", API_VERSION);
                    });
            JsonNode data = answer.path("data");
            if (!data.isArray()) {
                throw CatalogueHttp.notAModelList(connection);
            }
            for (JsonNode model : data) {
                String id = CatalogueJson.text(model, "id");
                if (id == null || !seen.add(id)) {
                    continue;
                }
                Optional<ModelKind> kind = ModelKinds.of(id, List.of());
                kind.ifPresent(k -> models.add(new ListedModel(id, id, k, ModelKinds.capabilities(k),
                        CatalogueJson.firstInt(model, "max_input_tokens", "context_window"), null)));
            }
            String last = CatalogueJson.text(answer, "last_id");
            if (!answer.path("has_more").asBoolean(false) || last == null || last.equals(after)) {
                break;
            }
            after = last;
        }
        return models;
    }
}
