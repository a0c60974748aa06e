package io.storyteller.domain.processing;

import io.storyteller.domain.shared.Actor;

/**
 * The event processors of the application with their segments, positions, lag, replay and errors;
 * one processor when {@code name} is given (an unknown name is rejected). Answers a list of
 * {@link EventProcessorView}; empty to anyone but platform admins and the platform.
 */
public record FindEventProcessors(String name,
        Actor viewer) {
}
