package io.storyteller.domain.healing;

import io.storyteller.domain.shared.Actor;

/**
 * The recorded healing actions, newest first, at most {@code first}, before the one at global index
 * {@code after} when given, of one kind when {@code kind} is given. Answers a list of
 * {@link HealingActionView}; empty to anyone but platform admins and the platform.
 */
public record FindHealingActions(Long after,
        int first,
        HealingKind kind,
        Actor viewer) {
}
