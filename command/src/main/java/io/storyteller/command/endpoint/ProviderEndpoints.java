package io.storyteller.command.endpoint;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Every provider endpoint of this run: those declared under {@code storyteller.providers.<name>.*},
 * and, for backwards compatibility, the one per kind that Spring AI's own {@code spring.ai.*}
 * connection properties describe, named {@code openai}, {@code anthropic} or {@code ollama}
 * (a declared endpoint of that name takes its place). A declaration that cannot work refuses the
 * start with every problem named by its property.
 */
public final class ProviderEndpoints {

    public static final String PREFIX = "storyteller.providers";
    /** Model-id prefixes that are no endpoint: the house models and named variants. */
    public static final Set<String> RESERVED = Set.of("house", "variant");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final Map<String, ProviderEndpoint> byName;

    private ProviderEndpoints(Map<String, ProviderEndpoint> byName) {
        this.byName = byName;
    }

    /** @throws IllegalStateException naming each property that is missing or wrong */
    public static ProviderEndpoints configured(Environment environment) {
        Map<String, EndpointSettings> declared = Binder.get(environment)
                .bind(PREFIX, Bindable.mapOf(String.class, EndpointSettings.class)).orElse(Map.of());
        return of(declared, SpringAiConnections.of(environment));
    }

    /** @throws IllegalStateException naming each property that is missing or wrong */
    public static ProviderEndpoints of(Map<String, EndpointSettings> declared, List<ProviderEndpoint> springAi) {
        List<String> problems = new ArrayList<>();
        Map<String, ProviderEndpoint> byName = new LinkedHashMap<>();
        springAi.forEach(endpoint -> byName.put(endpoint.name(), endpoint));
        new TreeMap<>(declared).forEach((name, settings) -> checked(name, settings, problems)
                .ifPresent(endpoint -> byName.put(name, endpoint)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Provider endpoints are misconfigured: " + String.join("; ", problems));
        }
        return new ProviderEndpoints(byName);
    }

    public static ProviderEndpoints none() {
        return new ProviderEndpoints(Map.of());
    }

    public List<ProviderEndpoint> all() {
        return List.copyOf(byName.values());
    }

    public Optional<ProviderEndpoint> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether {@code name} is declared under {@code storyteller.providers} (not merely Spring AI's). */
    public boolean declares(String name) {
        return named(name).filter(endpoint -> !endpoint.fromSpringAi()).isPresent();
    }

    private static Optional<ProviderEndpoint> checked(String name, EndpointSettings settings, List<String> problems) {
        String at = PREFIX + "." + name;
        int before = problems.size();
        if (!NAME.matcher(name).matches()) {
            problems.add(at + ": an endpoint name is lower-case letters, digits and '-', starting with a letter, "
                    + "at most 40 (it begins model ids <name>:<model>)");
        } else if (RESERVED.contains(name)) {
            problems.add(at + ": '" + name + "' is reserved (house models, named variants)");
        }
        Optional<ProviderKind> kind = ProviderKind.named(settings.kind());
        if (settings.kind() == null || settings.kind().isBlank()) {
            problems.add(at + ".kind must be set: one of " + ProviderKind.choices());
        } else if (kind.isEmpty()) {
            problems.add(at + ".kind is '" + settings.kind().strip() + "'; it must be one of " + ProviderKind.choices());
        }
        if (settings.baseUrl() == null || settings.baseUrl().isBlank()) {
            problems.add(at + ".base-url must be set (the server's address, e.g. http://localhost:8000)");
        } else if (!isHttpAddress(settings.baseUrl())) {
            problems.add(at + ".base-url must be an absolute http or https address");
        }
        if (kind.orElse(null) == ProviderKind.ANTHROPIC && (settings.apiKey() == null || settings.apiKey().isBlank())) {
            problems.add(at + ".api-key must be set for an anthropic endpoint");
        }
        if (settings.completionsPath() != null && !settings.completionsPath().isBlank()) {
            if (kind.orElse(null) == ProviderKind.OLLAMA) {
                problems.add(at + ".completions-path is for openai and anthropic endpoints only");
            } else if (!settings.completionsPath().strip().startsWith("/")) {
                problems.add(at + ".completions-path must start with '/'");
            }
        }
        requirePositive(at + ".connect-timeout", settings.connectTimeout(), problems);
        requirePositive(at + ".read-timeout", settings.readTimeout(), problems);
        EndpointOptions options = settings.options();
        if (options != null && options.maxTokens() != null && options.maxTokens() < 1) {
            problems.add(at + ".options.max-tokens must be at least 1");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        ProviderKind chosen = kind.orElseThrow();
        boolean selfHosted = settings.selfHosted() != null ? settings.selfHosted() : chosen == ProviderKind.OLLAMA;
        return Optional.of(new ProviderEndpoint(name, chosen, settings.baseUrl(), settings.apiKey(),
                settings.completionsPath(), settings.connectTimeout(), settings.readTimeout(), selfHosted,
                options, settings.prices(), false));
    }

    private static boolean isHttpAddress(String value) {
        try {
            URI uri = URI.create(value.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void requirePositive(String property, Duration value, List<String> problems) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(property + " must be positive");
        }
    }
}
