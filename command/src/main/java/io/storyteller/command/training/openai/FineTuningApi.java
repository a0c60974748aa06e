package io.storyteller.command.training.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyteller.command.endpoint.NetworkFailures;
import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.command.training.TrainingFailedException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fine-tuning part of an OpenAI-compatible API, on one endpoint: upload a file, create a job,
 * look at it and its events, cancel it. Every failure becomes a {@link TrainingFailedException}
 * whose reason names the endpoint and what went wrong, never the key (a provider's 401 answer may
 * quote part of it, so its body is not repeated).
 */
class FineTuningApi {

    private static final int MAX_REASON = 300;

    private final ProviderEndpoint endpoint;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    FineTuningApi(ProviderEndpoint endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code POST /v1/files} with purpose {@code fine-tune}; answers the file id. */
    String upload(Path file) throws InterruptedException {
        String boundary = "storyteller-" + UUID.randomUUID();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TrainingFailedException("cannot read dataset file " + file.getFileName());
        }
        MultipartBody body = new MultipartBody(boundary)
                .field("purpose", "fine-tune")
                .file("file", file.getFileName().toString(), "application/jsonl", content);
        HttpRequest request = request("/v1/files")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build();
        return text(send(request, "upload of " + file.getFileName()), "id");
    }

    /** {@code POST /v1/fine_tuning/jobs}; answers the job id. */
    String create(String model, String trainingFile, String validationFile, Map<String, Object> hyperParameters,
            String suffix) throws InterruptedException {
        ObjectNode body = json.createObjectNode().put("model", model).put("training_file", trainingFile);
        if (validationFile != null) {
            body.put("validation_file", validationFile);
        }
        if (!hyperParameters.isEmpty()) {
            body.set("hyperparameters", json.valueToTree(hyperParameters));
        }
        if (suffix != null) {
            body.put("suffix", suffix);
        }
        return text(send(post("/v1/fine_tuning/jobs", body), "creating the fine-tuning job"), "id");
    }

    RemoteFineTuningJob job(String jobId) throws InterruptedException {
        JsonNode answer = send(request("/v1/fine_tuning/jobs/" + jobId).GET().build(), "looking at job " + jobId);
        JsonNode error = answer.path("error");
        String reason = error.isObject() && error.hasNonNull("message") ? safe(error.path("message").asText()) : null;
        Long created = number(answer, "created_at");
        Long finished = number(answer, "finished_at");
        return new RemoteFineTuningJob(text(answer, "id"), answer.path("status").asText(""),
                answer.hasNonNull("fine_tuned_model") ? answer.get("fine_tuned_model").asText() : null,
                number(answer, "trained_tokens"), reason,
                created != null && finished != null ? finished - created : null);
    }

    /** The job's newest events first, as the API lists them ({@code data} of each). */
    List<JsonNode> events(String jobId) throws InterruptedException {
        JsonNode answer = send(request("/v1/fine_tuning/jobs/" + jobId + "/events?limit=50").GET().build(),
                "reading the events of job " + jobId);
        List<JsonNode> events = new ArrayList<>();
        answer.path("data").forEach(events::add);
        return events;
    }

    void cancel(String jobId) throws InterruptedException {
        send(post("/v1/fine_tuning/jobs/" + jobId + "/cancel", json.createObjectNode()), "cancelling job " + jobId);
    }

    private HttpRequest post(String path, JsonNode body) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + path))
                .timeout(endpoint.readTimeout())
                .header("Accept", "application/json");
        if (endpoint.hasKey()) {
            request.header("Authorization", "Bearer " + endpoint.apiKey());
        }
        return request;
    }

    private JsonNode send(HttpRequest request, String doing) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TrainingFailedException(where() + ": " + doing + " failed: " + NetworkFailures.reason(e));
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new TrainingFailedException(where() + " refused the API key (" + status + ") while " + doing
                    + "; check " + endpoint.properties() + ".api-key");
        }
        JsonNode body = parse(response.body());
        if (status / 100 != 2) {
            String message = body.path("error").path("message").asText("");
            throw new TrainingFailedException(where() + " answered " + status + " to " + doing
                    + (message.isBlank() ? "" : ": " + safe(message)));
        }
        if (body.isMissingNode()) {
            throw new TrainingFailedException(where() + " answered no JSON to " + doing);
        }
        return body;
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.missingNode() : json.readTree(body);
        } catch (IOException e) {
            return json.missingNode();
        }
    }

    private String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new TrainingFailedException(where() + " answered without '" + field + "'");
        }
        return value;
    }

    private static Long number(JsonNode node, String field) {
        return node.path(field).isNumber() ? node.get(field).asLong() : null;
    }

    /** A provider's own words, shortened, with the key blotted out should it quote it. */
    private String safe(String message) {
        String safe = endpoint.hasKey() ? message.replace(endpoint.apiKey(), "****") : message;
        return safe.length() > MAX_REASON ? safe.substring(0, MAX_REASON) + "…" : safe;
    }

    private String where() {
        return "endpoint " + endpoint.name() + " (" + endpoint.location() + ")";
    }
}
