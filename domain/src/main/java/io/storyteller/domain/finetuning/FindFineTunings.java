package io.storyteller.domain.finetuning;

import io.storyteller.domain.shared.Actor;

/**
 * The latest fine-tunings, newest first, of one status or all when {@code status} is null; answers a
 * list of {@link FineTuningView}, empty to anyone but platform admins.
 */
public record FindFineTunings(FineTuningStatus status,
        int first,
        Actor viewer) {

    public static final int MAX_FIRST = 200;
}
