package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.regex.Pattern;

/**
 * The names an Ollama server accepts for a model: {@code llama3.2}, {@code llama3.2:1b},
 * {@code library/qwen2.5:0.5b-instruct-q4_K_M}, {@code narrator-noir}. A bare name means its
 * {@code :latest} tag; the registry keeps it bare, as discovery does.
 */
public final class OllamaModelName {

    static final int MAX_LENGTH = 200;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*(:[A-Za-z0-9][A-Za-z0-9._-]*)?");
    private static final String LATEST = ":latest";

    private OllamaModelName() {
    }

    /** The name, trimmed and without {@code :latest}; rejects naming {@code field} and the rule {@code ollama-name}. */
    public static String require(String field, String name) {
        String text = Require.text(field, name, MAX_LENGTH);
        if (!NAME.matcher(text).matches() || text.contains("..") || text.endsWith("/")) {
            throw DomainRejection.invalid(field, "ollama-name",
                    field + " must be an Ollama model name: letters, digits, '.', '_', '-', '/' and one ':tag', like llama3.2:1b");
        }
        return text.endsWith(LATEST) ? text.substring(0, text.length() - LATEST.length()) : text;
    }
}
