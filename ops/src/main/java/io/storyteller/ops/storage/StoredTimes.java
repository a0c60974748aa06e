package io.storyteller.ops.storage;

import com.ethlo.time.ITU;
import java.time.DateTimeException;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;

/**
 * An event's stored time as an {@link Instant}. Axon stores it as RFC 3339 text
 * ({@code 2026-12-07T11:50:11.123Z}), which ITU parses about fifteen times faster than a
 * {@code DateTimeFormatter}; any other text Axon's own parser accepts is read by it.
 */
final class StoredTimes {

    private StoredTimes() {
    }

    static Instant instant(Object stored) {
        String text = stored.toString();
        try {
            return ITU.parseDateTime(text).toInstant();
        } catch (DateTimeException notRfc3339) {
            return DateTimeUtils.parseInstant(text);
        }
    }
}
