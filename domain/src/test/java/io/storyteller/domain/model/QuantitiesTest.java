package io.storyteller.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.RejectionKind;
import io.storyteller.domain.shared.Violation;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

    private static Violation violationOf(Runnable rule) {
        try {
            rule.run();
        } catch (DomainRejection rejection) {
            return rejection.violation();
        }
        throw new AssertionError("expected a DomainRejection");
    }

    @Test
    void aRangeIncludesBothEnds() {
        assertThat(Quantities.between("rate", 0, 0, 1)).isZero();
        assertThat(Quantities.between("rate", 1, 0, 1)).isEqualTo(1);
    }

    @Test
    void aNumberOutsideItsRangeOrNoNumberAtAllIsRejected() {
        assertThat(violationOf(() -> Quantities.between("rate", 1.0001, 0, 1)))
                .isEqualTo(new Violation(RejectionKind.INVALID, "rate", "range:0..1", "rate must be between 0 and 1 but was 1.0001"));
        assertThat(violationOf(() -> Quantities.between("rate", -0.0001, 0, 1)).rule()).isEqualTo("range:0..1");
        assertThat(violationOf(() -> Quantities.between("rate", Double.NaN, 0, 1)).rule()).isEqualTo("range:0..1");
        assertThat(violationOf(() -> Quantities.between("t", 2.5, 0, 2)).rule()).isEqualTo("range:0..2");
        assertThat(violationOf(() -> Quantities.between("r", 0.5, 1, 5)).rule()).isEqualTo("range:1..5");
    }

    @Test
    void anOptionalNumberMayBeMissing() {
        assertThat(Quantities.optionalBetween("rate", null, 0, 1)).isNull();
        assertThat(Quantities.optionalBetween("rate", 0.5, 0, 1)).isEqualTo(0.5);
    }

    @Test
    void amountsAreNotNegative() {
        assertThat(Quantities.nonNegative("n", 0L)).isZero();
        assertThat(Quantities.nonNegative("cost", BigDecimal.ZERO)).isEqualByComparingTo("0");
        assertThat(violationOf(() -> Quantities.nonNegative("n", -1L)).rule()).isEqualTo("non-negative");
        assertThat(violationOf(() -> Quantities.nonNegative("cost", new BigDecimal("-0.001"))).rule()).isEqualTo("non-negative");
        assertThat(violationOf(() -> Quantities.nonNegative("cost", null)).rule()).isEqualTo("required");
    }

    @Test
    void aDurationIsLongerThanZero() {
        assertThat(Quantities.positive("d", Duration.ofNanos(1))).isEqualTo(Duration.ofNanos(1));
        assertThat(violationOf(() -> Quantities.positive("d", Duration.ZERO)).rule()).isEqualTo("positive");
        assertThat(violationOf(() -> Quantities.positive("d", Duration.ofSeconds(-1))).rule()).isEqualTo("positive");
        assertThat(violationOf(() -> Quantities.positive("d", null)).rule()).isEqualTo("required");
    }

    @Test
    void numbersAreWrittenAsPeopleWriteThem() {
        assertThat(Quantities.plain(1250.0)).isEqualTo("1250");
        assertThat(Quantities.plain(0.25)).isEqualTo("0.25");
        assertThat(Quantities.plain(0.022)).isEqualTo("0.022");
    }
}
