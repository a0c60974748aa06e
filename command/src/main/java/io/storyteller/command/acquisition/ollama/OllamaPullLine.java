package io.storyteller.command.acquisition.ollama;

/**
 * One line of {@code /api/pull}'s NDJSON stream: {@code {"status":"pulling 6a0746a1ec1a","digest":"sha256:…",
 * "total":2019377376,"completed":241970}}, {@code {"status":"success"}} at the end, or {@code {"error":"…"}}.
 */
public record OllamaPullLine(String status,
        String digest,
        long total,
        long completed,
        String error) {

    public boolean succeeded() {
        return "success".equals(status);
    }
}
