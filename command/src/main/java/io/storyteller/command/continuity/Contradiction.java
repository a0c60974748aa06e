package io.storyteller.command.continuity;

/**
 * A place where the candidate contradicts what was established: which {@code fact}, the
 * {@code evidence} (the candidate's sentence that does it) and why.
 */
public record Contradiction(ContinuityKind kind, Fact fact, String evidence, String explanation) {
}
