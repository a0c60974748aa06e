package io.storyteller.graphql.story;

import io.storyteller.domain.shared.DomainRejection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque cursor of a beat: base64 of its position, so clients page without knowing what it is. */
final class BeatCursor {

    private static final String PREFIX = "beat:";

    private BeatCursor() {
    }

    static String of(int position) {
        return Base64.getEncoder().encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor stands for; a cursor this API did not hand out is rejected as invalid input. */
    static int position(String cursor) {
        try {
            String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                int position = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException notACursor) {
            // falls through to the rejection below; NumberFormatException is an IllegalArgumentException
        }
        throw DomainRejection.invalid("after", "cursor", "after is not a cursor handed out by this API");
    }
}
