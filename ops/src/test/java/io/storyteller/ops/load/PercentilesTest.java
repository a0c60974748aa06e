package io.storyteller.ops.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles: the smallest sample that at least p % of the samples do not exceed. */
class PercentilesTest {

    @Test
    void nearestRankOverOneToOneHundred() {
        Percentiles latencies = new Percentiles();
        for (long sample = 100; sample >= 1; sample--) {
            latencies.add(sample);
        }
        assertThat(latencies.percentile(50)).isEqualTo(50);
        assertThat(latencies.percentile(99)).isEqualTo(99);
        assertThat(latencies.percentile(99.5)).isEqualTo(100);
        assertThat(latencies.percentile(100)).isEqualTo(100);
        assertThat(latencies.percentile(0.1)).isEqualTo(1);
        assertThat(latencies.max()).isEqualTo(100);
    }

    @Test
    void fewSamples() {
        Percentiles latencies = new Percentiles();
        latencies.add(7_000);
        latencies.add(3_000);
        latencies.add(5_000);
        assertThat(latencies.percentile(50)).isEqualTo(5_000);
        assertThat(latencies.percentile(90)).isEqualTo(7_000);
        assertThat(latencies.summary()).isEqualTo("n=3  p50 5.0 ms  p90 7.0 ms  p99 7.0 ms  max 7.0 ms");
    }

    @Test
    void noSamplesAndOutOfRange() {
        Percentiles latencies = new Percentiles();
        assertThat(latencies.percentile(50)).isEqualTo(-1);
        assertThat(latencies.summary()).isEqualTo("n=0");
        latencies.add(1);
        assertThatThrownBy(() -> latencies.percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> latencies.percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void growsPastItsFirstArray() {
        Percentiles latencies = new Percentiles();
        for (int i = 1; i <= 5000; i++) {
            latencies.add(i);
        }
        assertThat(latencies.count()).isEqualTo(5000);
        assertThat(latencies.percentile(99)).isEqualTo(4950);
    }
}
