package io.storyteller.domain.finetuning;

import java.time.Instant;

/**
 * One thing that happened to a fine-tuning, as its history lists it.
 *
 * @param event   the event's name without the {@code FineTuning} prefix, e.g. {@code DatasetExported}, {@code Setback}
 * @param step    the step it belongs to; null for the request and the cancellation
 * @param attempt the step's attempt, when the event counts them
 * @param detail  what it said in a line (an export id, a candidate, a setback's reason); null when nothing more
 */
public record FineTuningEntry(String event,
        FineTuningStep step,
        Integer attempt,
        String detail,
        Instant at) {
}
