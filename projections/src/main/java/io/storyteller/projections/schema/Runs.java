package io.storyteller.projections.schema;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A list cut into runs: the longest stretches of consecutive elements with equal keys, in order. A
 * replay writes each run of one SQL statement as one JDBC batch.
 */
public final class Runs {

    private Runs() {
    }

    /** Hands each run of {@code items} to {@code run}, in order, as a view of the list; none if it is empty. */
    public static <T> void each(List<T> items, Function<? super T, ?> key, Consumer<List<T>> run) {
        int start = 0;
        for (int end = 1; end <= items.size(); end++) {
            if (end == items.size() || !Objects.equals(key.apply(items.get(end)), key.apply(items.get(start)))) {
                run.accept(items.subList(start, end));
                start = end;
            }
        }
    }
}
