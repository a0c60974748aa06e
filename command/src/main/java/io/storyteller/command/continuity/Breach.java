package io.storyteller.command.continuity;

/**
 * A breach of continuity: a place where the candidate contradicts what was established: which {@code fact}, the
 * {@code evidence} (the candidate's sentence that does it) and why.
 */
public record Breach(ContinuityKind kind, Fact fact, String evidence, String explanation) {
}
