package io.storyteller.domain.shared;

/** Why a command or query was turned down; the API maps each kind to an error type. */
public enum RejectionKind {
    /** The input breaks a rule: a field is missing, too long, out of range. */
    INVALID,
    /** The caller may not do this. */
    FORBIDDEN,
    /** The thing addressed does not exist, or the caller may not see it. */
    NOT_FOUND,
    /** The thing exists but its state forbids this now (e.g. an action is already pending). */
    CONFLICT,
    /** A part the request needs (e.g. search) cannot answer now; the same request may succeed later. */
    UNAVAILABLE
}
