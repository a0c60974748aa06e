package io.storyteller.command.validation;

import java.math.BigDecimal;

/** One model's answer to one replayed turn: null text when the call failed or timed out. */
public record ReplayedAnswer(String text, long latencyMillis, BigDecimal cost) {

    public boolean answered() {
        return text != null && !text.isBlank();
    }
}
