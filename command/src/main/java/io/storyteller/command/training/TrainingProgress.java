package io.storyteller.command.training;

/** Where a training run is; called from the backend's thread, cheap and never throwing. */
@FunctionalInterface
public interface TrainingProgress {

    /**
     * @param stage    what it is doing, e.g. {@code uploading}, {@code queued}, {@code training}
     * @param fraction 0..1 when known, negative when not
     */
    void report(String stage, double fraction);

    TrainingProgress NONE = (stage, fraction) -> { };
}
