package io.storyteller.command.housemodel.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NucleusSamplerTest {

    private static final float[] PROBABILITIES = {0.05f, 0.40f, 0.02f, 0.25f, 0.15f, 0.08f, 0.05f};
    private static final boolean[] ALL = {true, true, true, true, true, true, true};

    @Test
    void the_nucleus_is_the_smallest_top_set_reaching_p() {
        assertThat(NucleusSampler.nucleus(PROBABILITIES, ALL, 0.6)).containsExactly(1, 3);
        assertThat(NucleusSampler.nucleus(PROBABILITIES, ALL, 0.8)).containsExactly(1, 3, 4);
        assertThat(NucleusSampler.nucleus(PROBABILITIES, ALL, 1.0)).hasSize(7);
    }

    @Test
    void sampling_never_leaves_the_nucleus_and_uses_all_of_it() {
        SplittableRandom random = new SplittableRandom(42);
        Set<Integer> drawn = new HashSet<>();
        int[] counts = new int[PROBABILITIES.length];
        for (int draw = 0; draw < 20_000; draw++) {
            int id = NucleusSampler.sample(PROBABILITIES, ALL, 0.8, random);
            drawn.add(id);
            counts[id]++;
        }
        assertThat(drawn).containsExactlyInAnyOrder(1, 3, 4);
        // Within the nucleus, draws follow the renormalised probabilities 0.50 / 0.3125 / 0.1875.
        assertThat(counts[1] / 20_000.0).isBetween(0.48, 0.52);
        assertThat(counts[4] / 20_000.0).isBetween(0.17, 0.21);
    }

    @Test
    void disallowed_tokens_are_never_drawn() {
        boolean[] allowed = ALL.clone();
        allowed[1] = false;
        SplittableRandom random = new SplittableRandom(1);
        for (int draw = 0; draw < 5_000; draw++) {
            int id = NucleusSampler.sample(PROBABILITIES, allowed, 0.9, random);
            assertThat(id).isNotEqualTo(1);
        }
        boolean[] none = new boolean[PROBABILITIES.length];
        assertThat(NucleusSampler.sample(PROBABILITIES, none, 0.9, random)).isEqualTo(-1);
        assertThat(Arrays.asList(NucleusSampler.nucleus(PROBABILITIES, allowed, Double.MIN_VALUE))).containsExactly(3);
    }
}
