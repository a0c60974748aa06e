package io.storyteller.command.training;

/** Whether a backend can train a job; {@code reason} says why not, empty when it can. */
public record TrainingSupport(boolean supported, String reason) {

    public static TrainingSupport yes() {
        return new TrainingSupport(true, "");
    }

    public static TrainingSupport no(String reason) {
        return new TrainingSupport(false, reason);
    }
}
