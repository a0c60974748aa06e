package io.storyteller.command.slot;

import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutRoute;
import io.storyteller.domain.story.NarrationArm;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which arm of a rollout serves a story, sticky per story: each (story, rollout) pair falls in one
 * of 100 buckets, by the first 8 bytes of SHA-256 of the pair, and the story goes to the candidate
 * while its bucket is below the canary weight. So a story never flips within a rollout step, only
 * ever moves from stable to candidate as the weight grows, and a new rollout reshuffles stories.
 * Pure.
 */
public final class ArmChoice {

    /** The number of buckets: a weight is a percentage. */
    public static final int BUCKETS = 100;

    private ArmChoice() {
    }

    /** The arm that answers the story's narrations: CANARY or STABLE in a canary step, STABLE in the shadow phase. */
    public static NarrationArm armFor(String storyId, RolloutRoute rollout) {
        if (rollout != null && rollout.phase() == RolloutPhase.CANARY
                && servesCandidate(storyId, rollout.rolloutId(), rollout.weight())) {
            return NarrationArm.CANARY;
        }
        return NarrationArm.STABLE;
    }

    /** Whether the candidate serves the story at this weight, in percent. */
    public static boolean servesCandidate(String storyId, String rolloutId, int weight) {
        return bucket(storyId, rolloutId) < weight;
    }

    /** The story's bucket in this rollout, in [0, 100): fixed for the pair, evenly spread over stories. */
    public static int bucket(String storyId, String rolloutId) {
        // A separator that neither id holds, so that ("ab", "c") and ("a", "bc") differ.
        byte[] key = (storyId + '\u0000' + rolloutId).getBytes(StandardCharsets.UTF_8);
        long hash = ByteBuffer.wrap(sha256(key), 0, Long.BYTES).getLong();
        return (int) Long.remainderUnsigned(hash, BUCKETS);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
