package io.storyteller.ops.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health component {@code models}: UP once every in-process model runtime has answered a probe
 * (ONNX Runtime loaded its native library, the bundled embedder embedded a sentence). A runtime
 * that answered once is not probed again: the probe proves loading, and a loaded model stays loaded.
 */
class ModelRuntimesHealthIndicator implements HealthIndicator {

    /** One runtime's probe: returns a short description of what answered, throws when it cannot. */
    interface Probe {
        String run() throws Exception;
    }

    record Runtime(String name, Probe probe) {
    }

    private final List<Runtime> runtimes;
    private final Map<String, String> answered = new ConcurrentHashMap<>();

    ModelRuntimesHealthIndicator(List<Runtime> runtimes) {
        this.runtimes = List.copyOf(runtimes);
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean healthy = true;
        for (Runtime runtime : runtimes) {
            String answer = answered.get(runtime.name());
            if (answer == null) {
                try {
                    answer = runtime.probe().run();
                    answered.put(runtime.name(), answer);
                } catch (Exception | LinkageError e) {
                    // the type only: a message may carry a path or a provider's reply
                    answer = "not loaded (" + e.getClass().getSimpleName() + ")";
                    healthy = false;
                }
            }
            details.put(runtime.name(), answer);
        }
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }

    /** Names of the runtimes probed successfully so far. */
    Set<String> loaded() {
        return Set.copyOf(answered.keySet());
    }
}
