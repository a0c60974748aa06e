package io.storyteller.domain.processing;

import io.storyteller.domain.shared.Actor;
import java.time.Instant;

/**
 * Stops a streaming processor, sets its tokens back to the first event of the log (or to the first
 * event at or after {@code from}) and starts it again: its handlers' reset hooks clear their read
 * models and it replays. Refused for a processor that does not support a reset. Platform admins
 * only; answers {@link ProcessorReset}.
 */
public record ResetEventProcessor(String name,
        Instant from,
        Actor actor) {
}
