package io.storyteller.ops;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.storyteller.ops.cli.StorytellerCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

/**
 * The Storyteller backend. Without {@code spring.datasource.url} it runs on an embedded
 * PostgreSQL whose data lives under {@code storyteller.data-dir}.
 * <p>
 * Run with the environment variable {@code ORT_DISABLE_TELEMETRY=1} as well; the JVM cannot set
 * it for itself, so telemetry is also switched off on ONNX Runtime's environment here.
 */
// Fully qualified bean names: two beans of different modules never collide by their simple names.
@SpringBootApplication(scanBasePackages = "io.storyteller", nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@EnableConfigurationProperties(StorytellerProperties.class)
public class StorytellerApplication {

    public static void main(String[] args) {
        silenceVendorCalls();
        if (StorytellerCommand.isToolInvocation(args)) {
            System.exit(StorytellerCommand.run(args));
        }
        SpringApplication.run(StorytellerApplication.class, args);
    }

    /** No phone-home, no console banner, no telemetry; a -D on the command line still wins. */
    static void silenceVendorCalls() {
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        System.getProperties().putIfAbsent("disable-axoniq-console-message", "true");
        // The embedded OpenSearch node logs through log4j-core; Boot's log4j-to-slf4j bridge would claim
        // the log4j API first and the node fails on a ClassCastException. The application logs via Logback.
        System.getProperties().putIfAbsent("log4j2.loggerContextFactory", "org.apache.logging.log4j.core.impl.Log4jContextFactory");
        try {
            OrtEnvironment.getEnvironment().setTelemetry(false);
        } catch (OrtException | LinkageError e) {
            // Without a loadable ONNX Runtime there is nothing that could send telemetry.
            System.err.println("ONNX Runtime not available, telemetry switch skipped: " + e);
        }
    }
}
