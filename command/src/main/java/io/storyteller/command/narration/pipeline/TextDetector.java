package io.storyteller.command.narration.pipeline;

/** Scores how machine-written a text reads, with the world's detector deployment. */
@FunctionalInterface
public interface TextDetector {

    /** @return the reading, or null when no detector serves the world */
    DetectorReading read(String worldId, String text);

    /** A detector's score (0 human-like .. 1 machine-like) and the model version that gave it. */
    record DetectorReading(double score, String model, String modelVersion) {
    }
}
