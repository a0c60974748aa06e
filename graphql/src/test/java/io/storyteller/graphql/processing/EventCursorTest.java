package io.storyteller.graphql.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.shared.DomainRejection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCursorTest {

    @Test
    void aCursorStandsForTheGlobalIndexItWasMadeFrom() {
        assertThat(EventCursor.globalIndex(EventCursor.of(0))).isZero();
        assertThat(EventCursor.globalIndex(EventCursor.of(1_234_567_890_123L))).isEqualTo(1_234_567_890_123L);
        assertThat(EventCursor.globalIndex(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-cursor", "", "YmVhdDoz", "ZXZlbnQ6LTE=", "ZXZlbnQ6eA=="})
    void anythingElseIsRejectedNamingAfter(String garbage) {
        assertThatThrownBy(() -> EventCursor.globalIndex(garbage)).isInstanceOfSatisfying(DomainRejection.class, rejection -> {
            assertThat(rejection.violation().field()).isEqualTo("after");
            assertThat(rejection.violation().rule()).isEqualTo("cursor");
        });
    }

    @Test
    void theGarbageAboveIsWhatItClaims() {
        assertThat(decode("YmVhdDoz")).isEqualTo("beat:3");
        assertThat(decode("ZXZlbnQ6LTE=")).isEqualTo("event:-1");
        assertThat(decode("ZXZlbnQ6eA==")).isEqualTo("event:x");
    }

    private static String decode(String cursor) {
        return new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
    }
}
