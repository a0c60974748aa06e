package io.storyteller.domain.processing;

import io.storyteller.domain.shared.Actor;

/**
 * The recorded operator actions, newest first, at most {@code first}, before the one at global
 * index {@code after} when given. Answers a list of {@link OperatorActionView}; empty to anyone but
 * platform admins and the platform.
 */
public record FindOperatorActions(Long after,
        int first,
        Actor viewer) {
}
