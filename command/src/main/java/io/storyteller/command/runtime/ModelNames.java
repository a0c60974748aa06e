package io.storyteller.command.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;

/** Reading model names: what a chat model is configured to call, and a house model's version. */
public final class ModelNames {

    private static final Pattern VERSION_SUFFIX = Pattern.compile(":v(\\d+)$");

    private ModelNames() {
    }

    /** The model named in the chat model's default options, else {@code fallback}. */
    public static String configured(ChatModel model, String fallback) {
        try {
            ChatOptions options = model.getDefaultOptions();
            String name = options == null ? null : options.getModel();
            return name == null || name.isBlank() ? fallback : name;
        } catch (RuntimeException e) {
            // A model without default options still narrates; it is only unnamed.
            return fallback;
        }
    }

    /** {@code house:<worldKey>} for {@code house:<worldKey>:v3}; the name itself when it carries no version. */
    public static String withoutVersion(String modelName) {
        return modelName == null ? null : VERSION_SUFFIX.matcher(modelName).replaceFirst("");
    }

    /** {@code "3"} for {@code house:<worldKey>:v3}; empty when the name carries no version. */
    public static String version(String modelName) {
        if (modelName == null) {
            return "";
        }
        Matcher matcher = VERSION_SUFFIX.matcher(modelName);
        return matcher.find() ? matcher.group(1) : "";
    }
}
