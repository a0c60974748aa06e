package io.storyteller.command.endpoint;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The protocol a provider endpoint speaks. {@code openai} covers every OpenAI-compatible server
 * (OpenAI itself, vLLM, LM Studio, llama.cpp's server, …); {@code anthropic} is Anthropic's Messages
 * API; {@code ollama} an Ollama server's own API.
 */
public enum ProviderKind {
    OPENAI,
    ANTHROPIC,
    OLLAMA;

    /** The name in configuration and in legacy model ids: {@code openai}, {@code anthropic}, {@code ollama}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a configured value names, ignoring case and surrounding blanks. */
    public static Optional<ProviderKind> named(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.configName().equals(wanted)).findFirst();
    }

    /** {@code openai, anthropic, ollama}: for error messages. */
    public static String choices() {
        return Arrays.stream(values()).map(ProviderKind::configName).collect(Collectors.joining(", "));
    }
}
