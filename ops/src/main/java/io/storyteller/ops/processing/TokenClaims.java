package io.storyteller.ops.processing;

import io.storyteller.domain.processing.ProcessorSegment;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A processor's segments as its tokens in the token store say (every segment, whichever node claims
 * it), with what this instance's trackers know of the ones it claims.
 */
@Component
class TokenClaims {

    private final JdbcClient jdbc;

    TokenClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ProcessorSegment> segments(String processorName, Map<Integer, EventTrackerStatus> claimedHere) {
        List<Claim> claims = jdbc.sql("SELECT segment, owner FROM tokenentry WHERE processorname = :name ORDER BY segment")
                .param("name", processorName)
                .query((row, i) -> new Claim(row.getInt(1), row.getString(2))).list();
        int[] ids = claims.stream().mapToInt(Claim::segment).toArray();
        return claims.stream().map(claim -> segment(claim, ids, claimedHere.get(claim.segment()))).toList();
    }

    private static ProcessorSegment segment(Claim claim, int[] ids, EventTrackerStatus status) {
        int mask = Segment.computeSegment(claim.segment(), ids).getMask();
        if (status == null) {
            return new ProcessorSegment(claim.segment(), mask, claim.owner(), false, null, false, null);
        }
        Long position = status.getCurrentPosition().isPresent() ? status.getCurrentPosition().getAsLong() : null;
        String error = !status.isErrorState() ? null
                : status.getError() == null ? "unknown" : status.getError().getClass().getSimpleName();
        return new ProcessorSegment(claim.segment(), mask, claim.owner(), true, position, status.isReplaying(), error);
    }

    private record Claim(int segment, String owner) {
    }
}
