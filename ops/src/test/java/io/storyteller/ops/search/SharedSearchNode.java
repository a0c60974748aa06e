package io.storyteller.ops.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One embedded OpenSearch node for the whole test JVM: every application context of the tests
 * connects to it as an external cluster, so the suite starts one node, not one per context. A test
 * that sets {@code storyteller.opensearch.uris} itself (even empty, to get the application's own
 * embedded node) is left alone.
 */
public class SharedSearchNode implements EnvironmentPostProcessor {

    private static EmbeddedOpenSearchNode node;

    /** The shared node, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedOpenSearchNode node() {
        if (node == null) {
            try {
                Path root = Files.createDirectories(Path.of("target", "shared-opensearch"));
                node = EmbeddedOpenSearchNode.start(Files.createTempDirectory(root, "node-"), Duration.ofMinutes(2));
                EmbeddedOpenSearchNode started = node;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM is going away; the directory is under target/
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return node;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(SearchUrisMissing.URIS_PROPERTY)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("shared-opensearch-node",
                Map.of(SearchUrisMissing.URIS_PROPERTY, node().uris().getFirst().toString())));
    }
}
