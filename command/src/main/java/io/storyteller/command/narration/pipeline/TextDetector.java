package io.storyteller.command.narration.pipeline;

/** Scores how machine-written a text reads, with the world's detector deployment. */
@FunctionalInterface
public interface TextDetector {

    /** @return the reading of the slot's stable version (or the house default), or null when no detector serves the world */
    DetectorReading read(String worldId, String text);

    /**
     * The reading of the version that judges the story's candidates, with the routed calls (the
     * mirrored one of a shadow phase included). Unrouted by default: the stable reading.
     */
    default StageOutcome<DetectorReading> judge(TurnGround ground, String text) {
        return StageOutcome.unrouted(read(ground.worldId(), text));
    }

    /** A detector's score (0 human-like .. 1 machine-like) and the model version that gave it. */
    record DetectorReading(double score, String model, String modelVersion) {
    }
}
