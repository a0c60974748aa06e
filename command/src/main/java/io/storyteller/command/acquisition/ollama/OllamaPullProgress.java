package io.storyteller.command.acquisition.ollama;

import io.storyteller.domain.acquisition.OllamaPullStatus;
import io.storyteller.domain.acquisition.OllamaPullView;
import io.storyteller.domain.model.ModelRef;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pulls of this process as they stand, the latest {@value #KEPT}. Progress lines are many and
 * fleeting, so they are kept here rather than in the event log, which records each pull's
 * beginning and end.
 */
public class OllamaPullProgress {

    static final int KEPT = 200;

    private final Clock clock;
    private final Map<String, OllamaPullView> pulls = new LinkedHashMap<>();

    public OllamaPullProgress(Clock clock) {
        this.clock = clock;
    }

    synchronized void started(String pullId, String endpoint, String model) {
        pulls.put(pullId, new OllamaPullView(pullId, endpoint, model, OllamaPullStatus.RUNNING, "requested", null, 0, 0,
                null, null, clock.instant(), clock.instant()));
        while (pulls.size() > KEPT) {
            pulls.remove(pulls.keySet().iterator().next());
        }
    }

    synchronized void progressed(String pullId, OllamaPullLine line) {
        pulls.computeIfPresent(pullId, (id, pull) -> new OllamaPullView(id, pull.endpoint(), pull.model(), pull.status(),
                line.status(), line.digest() != null ? line.digest() : pull.digest(),
                line.total() > 0 ? line.completed() : pull.completedBytes(), line.total() > 0 ? line.total() : pull.totalBytes(),
                null, null, pull.startedAt(), clock.instant()));
    }

    synchronized void completed(String pullId, ModelRef registered) {
        pulls.computeIfPresent(pullId, (id, pull) -> new OllamaPullView(id, pull.endpoint(), pull.model(),
                OllamaPullStatus.COMPLETED, "success", pull.digest(), pull.totalBytes(), pull.totalBytes(), registered, null,
                pull.startedAt(), clock.instant()));
    }

    synchronized void failed(String pullId, String reason) {
        pulls.computeIfPresent(pullId, (id, pull) -> new OllamaPullView(id, pull.endpoint(), pull.model(),
                OllamaPullStatus.FAILED, pull.statusText(), pull.digest(), pull.completedBytes(), pull.totalBytes(), null, reason,
                pull.startedAt(), clock.instant()));
    }

    synchronized Optional<OllamaPullView> find(String pullId) {
        return Optional.ofNullable(pulls.get(pullId));
    }

    synchronized boolean pulling(String endpoint, String model) {
        return pulls.values().stream().anyMatch(pull -> pull.status() == OllamaPullStatus.RUNNING
                && pull.endpoint().equals(endpoint) && pull.model().equals(model));
    }
}
