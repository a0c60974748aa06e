package io.storyteller.command.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable, seeded hashes standing for ids: a user becomes {@code user-<hash>}, the same for the same
 * seed in every export, and nobody can read the id back without the seed and a guess. The same
 * hash decides a story's split.
 */
final class Pseudonyms {

    private final long seed;

    Pseudonyms(long seed) {
        this.seed = seed;
    }

    String user(String userId) {
        return userId == null || userId.isBlank() ? null : "user-" + hex(digest("user", userId), 6);
    }

    String record(String dataset, String key) {
        return hex(digest(dataset, key), 8);
    }

    /** A number in [0, 1) fixed by the seed and the key: which split a story falls in. */
    double unit(String key) {
        byte[] hash = digest("split", key);
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = bits << 8 | hash[i] & 0xff;
        }
        return (bits >>> 3) / (double) (1L << 53);
    }

    private byte[] digest(String purpose, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((seed + ":" + purpose + ":" + key).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String hex(byte[] bytes, int length) {
        return HexFormat.of().formatHex(bytes, 0, length);
    }
}
