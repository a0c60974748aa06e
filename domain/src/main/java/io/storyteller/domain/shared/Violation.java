package io.storyteller.domain.shared;

/**
 * A broken rule, named precisely enough for a client to show it next to the field:
 * {@code field} is the input's path (e.g. {@code settings.name}), {@code rule} a stable
 * machine-readable name (e.g. {@code max-length:100}).
 */
public record Violation(RejectionKind kind, String field, String rule, String message) {
}
