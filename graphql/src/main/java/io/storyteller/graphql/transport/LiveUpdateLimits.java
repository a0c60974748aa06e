package io.storyteller.graphql.transport;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * How far a subscriber may fall behind before it is dropped. Every bound is per subscriber, so the
 * memory live updates can take is these times the number of sessions, never more.
 *
 * @param watcherBuffer updates a story subscription holds for a subscriber that has not taken them yet
 * @param sendBuffer    bytes waiting to be written to one WebSocket; past this the session is closed
 *                      with {@link BoundedSendSession#TOO_SLOW} (a plain number is bytes)
 * @param sendTimeLimit longest one write to a WebSocket may take; a client that reads nothing for this long
 *                      is closed too
 */
@ConfigurationProperties("storyteller.live")
public record LiveUpdateLimits(
        @DefaultValue("64") int watcherBuffer,
        @DefaultValue("256KB") @DataSizeUnit(DataUnit.BYTES) DataSize sendBuffer,
        @DefaultValue("10s") Duration sendTimeLimit) {

    public LiveUpdateLimits {
        if (watcherBuffer < 1) {
            throw new IllegalArgumentException("storyteller.live.watcher-buffer must be at least 1, not " + watcherBuffer);
        }
        if (sendBuffer.toBytes() < 1024) {
            throw new IllegalArgumentException("storyteller.live.send-buffer must be at least 1KB, not " + sendBuffer);
        }
        if (sendTimeLimit.isNegative() || sendTimeLimit.isZero()) {
            throw new IllegalArgumentException("storyteller.live.send-time-limit must be positive, not " + sendTimeLimit);
        }
    }
}
