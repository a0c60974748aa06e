package io.storyteller.command.housemodel.pinning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default version of a house key is pinned: the first stored, or what served before pins existed. */
class PinnedDefaultTest {

    @TempDir
    Path key;

    @Test
    void theFirstVersionStoredIsPinnedAndLaterOnesAreNot() {
        PinnedDefault pin = new PinnedDefault(key);
        pin.beforeSaving(List.of());
        pin.afterSaving(1);
        pin.beforeSaving(List.of(1));
        pin.afterSaving(2);

        assertThat(pin.resolve(List.of(1, 2))).hasValue(1);
    }

    @Test
    void aKeyStoredBeforePinsKeepsServingItsNewestWhenANewerOneArrives() {
        PinnedDefault pin = new PinnedDefault(key);

        pin.beforeSaving(List.of(1, 2, 3));
        pin.afterSaving(4);

        assertThat(pin.resolve(List.of(1, 2, 3, 4))).hasValue(3);
    }

    @Test
    void aKeyWithoutAPinServesAndPinsItsNewest() {
        PinnedDefault pin = new PinnedDefault(key);

        assertThat(pin.resolve(List.of(1, 2))).hasValue(2);
        assertThat(pin.read()).hasValue(2);
        assertThat(pin.resolve(List.of())).isEmpty();
    }

    @Test
    void anAdminsPinWinsAndAMissingPinnedVersionFallsBackBelowItWithoutMoving() throws Exception {
        PinnedDefault pin = new PinnedDefault(key);
        pin.write(3);

        assertThat(pin.resolve(List.of(1, 2, 3, 4))).hasValue(3);
        assertThat(pin.resolve(List.of(1, 2, 4))).hasValue(2);
        assertThat(pin.resolve(List.of(4, 5))).hasValue(4);
        assertThat(pin.read()).hasValue(3);
        assertThat(Files.readString(key.resolve(PinnedDefault.FILE))).isEqualTo("3\n");
    }
}
