package io.storyteller.domain.story;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What the Story aggregate remembers of a text: the first 64 bits of its SHA-256 and its length.
 * Enough to decide whether a text is the one a beat shows (an edit that changes nothing) in a
 * fixed size, whatever the text's length; the text itself lives in the events and read models.
 * Two different texts share a fingerprint with a chance of about 2^-64. In a snapshot it is the
 * pair {@code [sha64, length]}.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"sha64", "length"})
record TextFingerprint(long sha64, int length) {

    static TextFingerprint of(String text) {
        String value = text == null ? "" : text;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return new TextFingerprint(ByteBuffer.wrap(digest).getLong(), value.length());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The fingerprint as a short text, where a text field stands for the text it fingerprints. */
    String token() {
        return "sha64:" + Long.toHexString(sha64) + ":" + length;
    }

    boolean matches(String text) {
        return text != null && text.length() == length && equals(of(text));
    }
}
