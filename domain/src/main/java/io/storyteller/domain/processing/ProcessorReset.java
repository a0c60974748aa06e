package io.storyteller.domain.processing;

import java.time.Instant;

/**
 * A processor was reset and is replaying.
 *
 * @param from          where the replay starts (null: the first event of the log)
 * @param headAtReset   the head of the log when it was reset: the replay ends when it passes it
 */
public record ProcessorReset(String name,
        Instant from,
        long headAtReset) {
}
