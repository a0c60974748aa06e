package io.storyteller.command.acquisition.hub;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.acquisition.HubCoordinates;
import io.storyteller.domain.acquisition.HubFile;
import io.storyteller.domain.acquisition.HubRevision;
import io.storyteller.domain.shared.DomainRejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the Hub's JSON: a model search ({@code GET /api/models}) and a repository at a revision
 * ({@code GET /api/models/{repo}/revision/{rev}?blobs=true}, whose {@code siblings} carry each
 * file's size, git blob id and LFS SHA-256). What a hostile answer could use against the disk —
 * file paths, the commit — is checked here and refused; hidden files ({@code .gitattributes})
 * are git's, not the model's, and are left out.
 */
final class HubAnswers {

    private HubAnswers() {
    }

    static List<HubListing> listings(JsonNode answer) {
        if (!answer.isArray()) {
            throw new HubUnavailableException("the Hub answered JSON that is not a model list", false);
        }
        List<HubListing> listings = new ArrayList<>();
        for (JsonNode model : answer) {
            String id = text(model, "id") != null ? text(model, "id") : text(model, "modelId");
            if (id == null) {
                continue;
            }
            JsonNode size = model.path("usedStorage");
            listings.add(new HubListing(id, text(model, "pipeline_tag"), text(model, "library_name"), license(model),
                    model.path("downloads").asLong(0), size.canConvertToLong() ? size.asLong() : null, gated(model)));
        }
        return listings;
    }

    static HubRevision revision(String repo, String revision, JsonNode answer) {
        String commit;
        try {
            commit = HubCoordinates.commit("sha", text(answer, "sha"));
        } catch (DomainRejection e) {
            throw new HubUnavailableException("the Hub answered no commit id for " + repo + "@" + revision, false);
        }
        JsonNode siblings = answer.path("siblings");
        if (!siblings.isArray()) {
            throw new HubUnavailableException("the Hub listed no files for " + repo + "@" + revision, false);
        }
        List<HubFile> files = new ArrayList<>();
        for (JsonNode sibling : siblings) {
            String path = text(sibling, "rfilename");
            if (path == null || hidden(path)) {
                continue;
            }
            files.add(file(path, sibling));
        }
        return new HubRevision(repo, revision, commit, license(answer), text(answer, "pipeline_tag"),
                text(answer, "library_name"), baseModel(answer), gated(answer), List.copyOf(files));
    }

    private static HubFile file(String path, JsonNode sibling) {
        JsonNode lfs = sibling.path("lfs");
        String sha256 = lfs.isObject() ? firstText(lfs, "sha256", "oid") : null;
        long size = lfs.isObject() && lfs.path("size").canConvertToLong() ? lfs.path("size").asLong()
                : sibling.path("size").asLong(-1);
        try {
            return new HubFile(path, size, sha256 == null ? null : sha256.toLowerCase(Locale.ROOT),
                    text(sibling, "blobId")).validated("file");
        } catch (DomainRejection e) {
            throw new HubUnavailableException("the Hub described a file it may not have (" + e.violation().rule()
                    + "): refused", false);
        }
    }

    /** A dot-file or one in a dot-directory; {@code ..} is not hidden, it is refused with the rest. */
    private static boolean hidden(String path) {
        for (String segment : path.split("/")) {
            if (segment.startsWith(".") && !segment.equals(".") && !segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** {@code cardData.license}, else the {@code license:<id>} tag. */
    private static String license(JsonNode model) {
        String card = text(model.path("cardData"), "license");
        if (card != null) {
            return card.toLowerCase(Locale.ROOT);
        }
        for (JsonNode tag : model.path("tags")) {
            if (tag.asText().startsWith("license:")) {
                return tag.asText().substring("license:".length()).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** {@code cardData.base_model}, a repository id or a list of them; kept only when shaped like one. */
    private static String baseModel(JsonNode answer) {
        JsonNode base = answer.path("cardData").path("base_model");
        String id = base.isArray() && !base.isEmpty() ? base.get(0).asText(null) : base.isTextual() ? base.asText() : null;
        try {
            return id == null ? null : HubCoordinates.repo("baseModel", id);
        } catch (DomainRejection e) {
            return null;
        }
    }

    /** {@code gated} is false or a mode ("auto", "manual"). */
    private static boolean gated(JsonNode model) {
        JsonNode gated = model.path("gated");
        return gated.isTextual() ? !gated.asText().isBlank() && !"false".equals(gated.asText()) : gated.asBoolean(false);
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            String value = text(node, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
