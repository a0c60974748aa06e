package io.storyteller.ops.e2e;

import io.storyteller.ops.StorytellerApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Like {@link EndToEnd}, the whole application on a random port with its data under a fresh
 * directory in {@code target/}, but on a faster clock for rollouts: persisted deadlines are polled
 * every {@value #POLLING} instead of every 5 s, and lore changes retrain a world's house model
 * within a second. Narrations alone never retrain it, so the versions a test rolls out stay put.
 * Every class carrying it shares one cached application context (a different one from
 * {@link EndToEnd}'s).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = StorytellerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "db-scheduler.polling-interval=" + RolloutEndToEnd.POLLING,
                "storyteller.house-model.retrain-delay=" + RolloutEndToEnd.RETRAIN_DELAY,
                "storyteller.house-model.retrain-min-new-documents=" + RolloutEndToEnd.RETRAIN_MIN_NEW_DOCUMENTS,
                // the tiny test classifier's label, for a guardrail slot served by a download
                "storyteller.guardrail.downloaded.labels.tense=VIOLENCE"})
@ContextConfiguration(initializers = TemporaryDataDir.class)
public @interface RolloutEndToEnd {

    String POLLING = "500ms";
    String RETRAIN_DELAY = "1s";
    String RETRAIN_MIN_NEW_DOCUMENTS = "1000000";
}
