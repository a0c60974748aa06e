package io.storyteller.ops.processing;

import io.storyteller.domain.processing.ProcessorSegment;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A processor's segments as its tokens in the token store say (every segment, whichever node claims
 * it, and also before any node has claimed it again after a reset), with this instance's fresher
 * tracker status for the segments it claims. The tokens are read with the serializer the token
 * store writes them with (Axon's general one).
 */
@Component
class TokenClaims {

    private static final Logger log = LoggerFactory.getLogger(TokenClaims.class);

    private final JdbcClient jdbc;
    private final Serializer serializer;

    TokenClaims(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    List<ProcessorSegment> segments(String processorName, Map<Integer, EventTrackerStatus> claimedHere) {
        List<Claim> claims = jdbc.sql("SELECT segment, owner, token, tokentype FROM tokenentry WHERE processorname = :name"
                        + " ORDER BY segment")
                .param("name", processorName)
                .query((row, i) -> new Claim(row.getInt(1), row.getString(2), token(row.getBytes(3), row.getString(4)))).list();
        int[] ids = claims.stream().mapToInt(Claim::segment).toArray();
        return claims.stream().map(claim -> segment(claim, ids, claimedHere.get(claim.segment()))).toList();
    }

    /**
     * This instance's tracker knows its segments best, but its status hands out the token unwrapped
     * (no longer a replay's) and says "replaying" only while the last event was a replayed one; the
     * stored token stays a replay's until the segment passes the position at its reset. A tracker
     * whose token is no longer a replay's has passed that position: its share is all of it, not the
     * share the stored token, a batch behind, would give (the processor's progress would step back).
     */
    static ProcessorSegment segment(Claim claim, int[] ids, EventTrackerStatus status) {
        int mask = Segment.computeSegment(claim.segment(), ids).getMask();
        TrackingToken stored = claim.token();
        if (status == null) {
            return new ProcessorSegment(claim.segment(), mask, claim.owner(), false, position(stored), ReplayShare.replaying(stored),
                    ReplayShare.of(stored), null);
        }
        boolean replaying = status.isReplaying() || ReplayShare.replaying(stored);
        Long position = status.getCurrentPosition().isPresent() ? status.getCurrentPosition().getAsLong() : position(stored);
        Double share = !replaying ? null : status.getResetPosition().isPresent()
                ? ReplayShare.of(status.getCurrentPosition(), status.getResetPosition()) : 1.0;
        String error = !status.isErrorState() ? null
                : status.getError() == null ? "unknown" : status.getError().getClass().getSimpleName();
        return new ProcessorSegment(claim.segment(), mask, claim.owner(), true, position, replaying, share, error);
    }

    /** A replay's own position (a replay from the start says 0 before its first event; it has handled none). */
    private static Long position(TrackingToken token) {
        TrackingToken at = ReplayShare.replaying(token)
                ? WrappedToken.unwrap(token, ReplayToken.class).map(ReplayToken::getCurrentToken).orElse(null) : token;
        return at == null || at.position().isEmpty() ? null : at.position().getAsLong();
    }

    private TrackingToken token(byte[] stored, String type) {
        if (stored == null || type == null) {
            return null;
        }
        try {
            return serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class, type, null));
        } catch (RuntimeException unreadable) {
            log.debug("A token of type {} could not be read: {}", type, unreadable.toString());
            return null;
        }
    }

    record Claim(int segment, String owner, TrackingToken token) {
    }
}
