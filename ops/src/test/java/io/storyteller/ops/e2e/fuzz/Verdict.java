package io.storyteller.ops.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every answer to a bad request must be: no server failure (status 500 and up, or the
 * connection dropped), no error classified INTERNAL_ERROR, every error classified, and nothing
 * of the server's insides (stack frames, exception and class names) in the body.
 */
final class Verdict {

    /** Fragments of a stack trace or of the server's class names. */
    static final List<String> INSIDES = List.of("\tat ", "Exception", "java.", "jakarta.", "org.springframework",
            "org.axonframework", "io.storyteller.", "graphql.execution", "com.fasterxml");

    private Verdict() {
    }

    /** What is wrong with the answer, one line per problem; empty when it is sound. */
    static List<String> problems(FuzzHttp.Reply reply) {
        List<String> problems = new ArrayList<>();
        if (reply.status() < 0) {
            problems.add("no answer (" + reply.body() + ")");
            return problems;
        }
        if (reply.status() >= 500) {
            problems.add("status " + reply.status());
        }
        if (reply.status() == 200 && reply.read("$") == null) {
            problems.add("status 200 without a JSON body");
        }
        for (Map<String, Object> error : reply.errors()) {
            Object classification = error.get("extensions") instanceof Map<?, ?> extensions ? extensions.get("classification") : null;
            if (classification == null) {
                problems.add("error without classification: " + shorten(String.valueOf(error.get("message"))));
            } else if (classification.equals("INTERNAL_ERROR")) {
                problems.add("INTERNAL_ERROR");
            }
        }
        INSIDES.stream().filter(reply.body()::contains).forEach(inside -> problems.add("body shows '" + inside.trim() + "'"));
        return problems;
    }

    static String shorten(String text) {
        String oneLine = text.replace('\n', ' ').replace('\t', ' ');
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }
}
