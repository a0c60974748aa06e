package io.storyteller.ops.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points {@code storyteller.data-dir} at a new directory under {@code target/}, removed by {@code mvn clean},
 * and the Hugging Face Hub at a closed local port: no test reaches the internet (a test that needs a Hub
 * serves one and sets its own address). Metrics are scraped with the account {@link #SCRAPER} /
 * {@link #SCRAPER_PASSWORD}, and the spans the application makes are kept by a {@link CollectedSpans}.
 * Every command, query and answer crosses Axon Server's wire format ({@link WireFormatBuses}).
 */
public class TemporaryDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SCRAPER = "prometheus";
    public static final String SCRAPER_PASSWORD = "e2e-scrape-secret";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path root = Files.createDirectories(Path.of("target", "e2e-data"));
            Path dir = Files.createTempDirectory(root, "run-");
            TestPropertyValues.of("storyteller.data-dir=" + dir.toAbsolutePath(),
                    "storyteller.hub.base-url=http://127.0.0.1:9",
                    "storyteller.metrics.username=" + SCRAPER, "storyteller.metrics.password=" + SCRAPER_PASSWORD,
                    // spans reach the collector at once, not every 5 s
                    "management.tracing.opentelemetry.export.schedule-delay=100ms",
                    // a second instance (SeveralInstancesTest) is seen and given its share in seconds
                    "storyteller.instances.id=first-" + dir.getFileName(),
                    "storyteller.instances.heartbeat=1s", "storyteller.instances.balance-every=2s",
                    "storyteller.instances.release-for=5s").applyTo(context);
            context.getBeanFactory().registerSingleton("collectedSpans", new CollectedSpans());
            context.getBeanFactory().addBeanPostProcessor(new WireFormatBuses(context.getBeanFactory()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
