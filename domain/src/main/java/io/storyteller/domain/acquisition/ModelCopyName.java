package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.regex.Pattern;

/**
 * A named copy's use-case name ({@code narrator-noir}, {@code guardrail-kids}): lower case letters,
 * digits, '.', '-' and '_', as a variant's name, so that it is a valid Ollama model name and a
 * directory name on every file system.
 */
public final class ModelCopyName {

    static final int MAX_LENGTH = 100;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private ModelCopyName() {
    }

    public static String require(String field, String name) {
        String text = Require.text(field, name, MAX_LENGTH);
        if (!NAME.matcher(text).matches() || text.contains("..")) {
            throw DomainRejection.invalid(field, "slug",
                    field + " is lower case letters, digits, '.', '-' and '_', like narrator-noir");
        }
        return text;
    }
}
