package io.storyteller.command.housemodel.classifier.training;

import io.storyteller.command.background.BackgroundThreads;
import io.storyteller.command.housemodel.classifier.ClassifierMetadata;
import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.reviewer.HouseReviewer;
import io.storyteller.command.housemodel.classifier.reviewer.ReviewerTraining;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the house guardrail, detector and reviewer current. A pass every {@code retrain-delay} reads
 * the new events; it trains a guardrail or detector that has no version yet (so an empty log still
 * gets both, from the labelled sets alone) and a reviewer once players have rated enough narrations
 * good and poor, and retrains the guardrail when enough admin flags arrived, the detector when
 * enough new human and generated text did and the reviewer when enough new ratings did. Passes run on one thread of their own.
 */
public class HouseClassifierTraining implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HouseClassifierTraining.class);

    private final ClassifierCorpusReader corpus;
    private final ClassifierStore store;
    private final ClassifierPublisher publisher;
    private final HouseClassifierProperties properties;
    private final CountDownLatch firstPass = new CountDownLatch(1);
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            BackgroundThreads.named("house-classifier-training"));
    private volatile ScheduledFuture<?> passes;

    public HouseClassifierTraining(ClassifierCorpusReader corpus, ClassifierStore store, ClassifierPublisher publisher,
            HouseClassifierProperties properties) {
        this.corpus = corpus;
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
    }

    /** One pass: read the log, train what is missing or stale. Public so tests and tools can drive it. */
    public synchronized void runPass() {
        corpus.refresh();
        Optional<ClassifierMetadata> guardrail = store.latest(ClassifierPublisher.GUARDRAIL);
        int newFlags = corpus.flagsSince(trainedTo(guardrail));
        if (guardrail.isEmpty() || newFlags >= properties.guardrailMinNewFlags()) {
            log.info("Training the house guardrail: {}", guardrail.isEmpty() ? "no version yet" : newFlags + " new flags");
            publisher.publishGuardrail(corpus.flags(), corpus.range());
        }
        Optional<ClassifierMetadata> detector = store.latest(ClassifierPublisher.DETECTOR);
        int newTexts = corpus.textsSince(trainedTo(detector));
        if (detector.isEmpty() || newTexts >= properties.detectorMinNewTexts()) {
            log.info("Training the house detector: {}", detector.isEmpty() ? "no version yet" : newTexts + " new texts");
            publisher.publishDetector(corpus.detectorTexts(properties.detectorMaxTextsPerLabel()), corpus.range());
        }
        reviewer();
    }

    /**
     * The reviewer has no shipped set, so its first version waits until players have rated enough
     * narrations each way; from then on it retrains like the others, on enough new ratings.
     */
    private void reviewer() {
        Optional<ClassifierMetadata> reviewer = store.latest(HouseReviewer.KEY);
        int newRatings = corpus.ratingsSince(trainedTo(reviewer));
        if (reviewer.isPresent() && newRatings < properties.reviewerMinNewRatings()) {
            return;
        }
        List<LabelledText> ratings = corpus.reviewerExamples();
        long good = ReviewerTraining.good(ratings);
        if (good < ReviewerTraining.MIN_PER_CLASS || ratings.size() - good < ReviewerTraining.MIN_PER_CLASS) {
            return; // not yet: ReviewerTraining would refuse, and say so every pass
        }
        log.info("Training the house reviewer: {}", reviewer.isEmpty() ? "no version yet" : newRatings + " new ratings");
        publisher.publishReviewer(ratings, corpus.range());
    }

    private static long trainedTo(Optional<ClassifierMetadata> latest) {
        return latest.map(metadata -> metadata.corpusRange() == null ? -1 : metadata.corpusRange().toEventIndex()).orElse(-1L);
    }

    /** A scheduled pass must never throw: that would cancel every later one. */
    private void scheduledPass() {
        try {
            runPass();
        } catch (RuntimeException e) {
            log.warn("House classifier training pass failed: {}", e.toString());
        } finally {
            firstPass.countDown();
        }
    }

    /**
     * Waits until the first training pass after start has ended (well or not), at most {@code timeout}:
     * a fresh platform's first turns wait for their guardrail rather than fail.
     *
     * @return whether it has ended
     */
    public boolean awaitFirstPass(Duration timeout) {
        try {
            return firstPass.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void start() {
        // The first pass soon after start, so a fresh platform has a guardrail and a detector at once.
        passes = thread.scheduleWithFixedDelay(this::scheduledPass, 0, properties.retrainDelay().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = passes;
        if (running != null) {
            running.cancel(false);
        }
        passes = null;
    }

    @Override
    public boolean isRunning() {
        return passes != null;
    }

    /**
     * Stops the passes. A training under way cannot be interrupted and finishes on its thread, but
     * stores nothing once this returns ({@link ClassifierPublisher#close}).
     */
    @PreDestroy
    public void close() {
        stop();
        publisher.close();
        thread.shutdownNow();
    }
}
