package io.storyteller.ops.e2e;

import io.storyteller.ops.StorytellerApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on its embedded defaults, served on a random port, with its data under a
 * fresh directory in {@code target/}. Every class carrying it shares one cached application context.
 * Metrics export and tracing stay on as in production (Spring Boot's tests turn them off by default).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = StorytellerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TemporaryDataDir.class)
@AutoConfigureObservability
public @interface EndToEnd {
}
