package io.storyteller.ops.processing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The processors an operator's action has stopped on purpose (a reset), while it runs: a healer
 * must not take such a processor for stuck and start it in the middle of the action.
 */
@Component
public class ProcessorHolds {

    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /** Runs {@code work} with the processor held. */
    <T> T holding(String processor, Supplier<T> work) {
        held.add(processor);
        try {
            return work.get();
        } finally {
            held.remove(processor);
        }
    }

    public Set<String> held() {
        return Set.copyOf(held);
    }
}
