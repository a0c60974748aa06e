package io.storyteller.domain.story;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The byte encodings of {@link PackedBeats}: unsigned varints, 64-bit fingerprints and beat ids, a
 * UUID-shaped id (what clients and the narration engine use) in 16 bytes instead of 36 characters.
 */
final class PackedBytes {

    /** The canonical lowercase form {@link UUID#toString()} writes: only that form reads back to itself. */
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private PackedBytes() {
    }

    static boolean isUuid(String id) {
        return id.length() == 36 && CANONICAL_UUID.matcher(id).matches();
    }

    static final class Writer {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer varint(int value) {
            int rest = value;
            while ((rest & ~0x7F) != 0) {
                out.write((rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            out.write(rest);
            return this;
        }

        Writer fixed64(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (value >>> shift) & 0xFF);
            }
            return this;
        }

        Writer fingerprint(TextFingerprint fingerprint) {
            return fixed64(fingerprint.sha64()).varint(fingerprint.length());
        }

        /** A UUID-shaped id in 16 bytes; check {@link #isUuid} first. */
        Writer uuid(String id) {
            UUID uuid = UUID.fromString(id);
            return fixed64(uuid.getMostSignificantBits()).fixed64(uuid.getLeastSignificantBits());
        }

        Writer text(String id) {
            byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            out.write(utf8, 0, utf8.length);
            return this;
        }

        /** Any id, preceded by whether it is UUID-shaped. */
        Writer id(String id) {
            boolean uuid = isUuid(id);
            out.write(uuid ? 1 : 0);
            return uuid ? uuid(id) : text(id);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    static final class Reader {

        private final byte[] in;
        private int at;

        Reader(byte[] in) {
            this.in = in == null ? new byte[0] : in;
        }

        boolean hasMore() {
            return at < in.length;
        }

        int varint() {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                int next = in[at++];
                value |= (next & 0x7F) << shift;
                if ((next & 0x80) == 0) {
                    return value;
                }
            }
        }

        long fixed64() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (in[at++] & 0xFF);
            }
            return value;
        }

        TextFingerprint fingerprint() {
            long sha64 = fixed64();
            return new TextFingerprint(sha64, varint());
        }

        String uuid() {
            long most = fixed64();
            return new UUID(most, fixed64()).toString();
        }

        String text() {
            int length = varint();
            String id = new String(Arrays.copyOfRange(in, at, at + length), StandardCharsets.UTF_8);
            at += length;
            return id;
        }

        String id() {
            return in[at++] == 1 ? uuid() : text();
        }
    }
}
