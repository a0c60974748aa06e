package io.storyteller.command.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.model.ModelKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An Ollama server's {@code GET /api/tags}: {@code models[].name} ({@code :latest} dropped, as
 * Ollama itself resolves a bare name to it), the version being the first 12 hex digits of the
 * digest (what {@code ollama list} shows as ID), else the tag. A license and context length are
 * taken from {@code details} when an Ollama server lists them.
 */
final class OllamaCatalogue implements ModelCatalogue {

    private static final String LATEST = ":latest";

    private final ProviderConnection connection;
    private final CatalogueHttp http;

    OllamaCatalogue(ProviderConnection connection, CatalogueHttp http) {
        this.connection = connection;
        this.http = http;
    }

    @Override
    public ProviderConnection connection() {
        return connection;
    }

    @Override
    public List<ListedModel> list() {
        JsonNode models = http.get(connection, "/api/tags", headers -> {
        }).path("models");
        if (!models.isArray()) {
            throw CatalogueHttp.notAModelList(connection);
        }
        List<ListedModel> listed = new ArrayList<>();
        for (JsonNode model : models) {
            String name = CatalogueJson.text(model, "name");
            if (name == null) {
                name = CatalogueJson.text(model, "model");
            }
            if (name == null) {
                continue;
            }
            String id = name.endsWith(LATEST) ? name.substring(0, name.length() - LATEST.length()) : name;
            JsonNode details = model.path("details");
            List<String> families = new ArrayList<>();
            details.path("families").forEach(family -> families.add(family.asText()));
            if (CatalogueJson.text(details, "family") != null) {
                families.add(CatalogueJson.text(details, "family"));
            }
            Optional<ModelKind> kind = ModelKinds.of(id, families);
            String version = version(model, name);
            kind.ifPresent(k -> listed.add(new ListedModel(id, version, k, ModelKinds.capabilities(k),
                    CatalogueJson.firstInt(details, "context_length", "num_ctx"), CatalogueJson.text(details, "license"))));
        }
        return listed;
    }

    private static String version(JsonNode model, String name) {
        String digest = CatalogueJson.text(model, "digest");
        if (digest != null) {
            String hex = digest.startsWith("sha256:") ? digest.substring("sha256:".length()) : digest;
            if (hex.matches("[0-9a-fA-F]{12,}")) {
                return hex.substring(0, 12).toLowerCase(java.util.Locale.ROOT);
            }
        }
        int colon = name.lastIndexOf(':');
        return colon < 0 ? "latest" : name.substring(colon + 1);
    }
}
