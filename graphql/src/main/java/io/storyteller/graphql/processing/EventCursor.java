package io.storyteller.graphql.processing;

import io.storyteller.domain.shared.DomainRejection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque cursor of an event in the log: base64 of its global index, so clients page without knowing what it is. */
final class EventCursor {

    private static final String PREFIX = "event:";

    private EventCursor() {
    }

    static String of(long globalIndex) {
        return Base64.getEncoder().encodeToString((PREFIX + globalIndex).getBytes(StandardCharsets.UTF_8));
    }

    /** The global index a cursor stands for (null for none); a cursor this API did not hand out is rejected naming {@code after}. */
    static Long globalIndex(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                long index = Long.parseLong(decoded.substring(PREFIX.length()));
                if (index >= 0) {
                    return index;
                }
            }
        } catch (IllegalArgumentException notACursor) {
            // falls through to the rejection below; NumberFormatException is an IllegalArgumentException
        }
        throw DomainRejection.invalid("after", "cursor", "after is not a cursor handed out by this API");
    }
}
