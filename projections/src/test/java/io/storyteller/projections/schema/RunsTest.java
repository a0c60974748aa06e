package io.storyteller.projections.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunsTest {

    private static List<List<String>> runs(List<String> items) {
        List<List<String>> runs = new ArrayList<>();
        Runs.each(items, item -> item.charAt(0), run -> runs.add(List.copyOf(run)));
        return runs;
    }

    @Test
    void consecutiveElementsWithEqualKeysFormOneRunInOrder() {
        assertThat(runs(List.of("a1", "a2", "b1", "a3", "a4", "a5", "c1")))
                .containsExactly(List.of("a1", "a2"), List.of("b1"), List.of("a3", "a4", "a5"), List.of("c1"));
    }

    @Test
    void oneElementIsOneRunAndNoneIsNone() {
        assertThat(runs(List.of("a1"))).containsExactly(List.of("a1"));
        assertThat(runs(List.of())).isEmpty();
    }
}
