package io.storyteller.command.endpoint;

import java.math.BigDecimal;

/** What an endpoint's model costs, USD per million input and output tokens; an unset side is zero. */
public record ModelPrice(BigDecimal input, BigDecimal output) {
}
