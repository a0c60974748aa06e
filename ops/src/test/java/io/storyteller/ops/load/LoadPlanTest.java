package io.storyteller.ops.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A load run only ever aims at this machine, and refuses plans that cannot run, naming the option. */
class LoadPlanTest {

    @Test
    void aLoopbackServerIsAccepted() {
        for (String server : new String[] {"http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080"}) {
            LoadPlan plan = plan(server, 10, 2, 4.0);
            assertThat(plan.webSocket().toString()).endsWith("/graphql").startsWith("ws://");
        }
    }

    @Test
    void anotherMachineIsRefused() {
        assertThatThrownBy(() -> plan("http://192.0.2.10:8080", 10, 2, 4.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--server must be on this machine").hasMessageContaining("192.0.2.10");
        assertThatThrownBy(() -> plan("http://10.1.2.3", 10, 2, 4.0)).hasMessageContaining("loopback");
    }

    @Test
    void plansThatCannotRunNameTheirOption() {
        assertThatThrownBy(() -> plan("http://localhost:8080", 0, 0, 4.0)).hasMessageContaining("--sessions");
        assertThatThrownBy(() -> plan("http://localhost:8080", 10, 11, 4.0)).hasMessageContaining("--players");
        assertThatThrownBy(() -> plan("http://localhost:8080", 10, 2, 0)).hasMessageContaining("--rate");
        assertThatThrownBy(() -> plan("ftp://localhost", 10, 2, 1)).hasMessageContaining("--server");
    }

    @Test
    void playersShareTheRate() {
        assertThat(plan("http://localhost:8080", 100, 20, 10.0).actionInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(plan("http://localhost:8080", 100, 0, 10.0).actionInterval()).isEqualTo(Duration.ZERO);
    }

    private static LoadPlan plan(String server, int sessions, int players, double rate) {
        return new LoadPlan(URI.create(server), sessions, players, 10, rate, Duration.ofSeconds(30), 0, false, 100,
                Duration.ZERO, Duration.ofSeconds(30));
    }
}
