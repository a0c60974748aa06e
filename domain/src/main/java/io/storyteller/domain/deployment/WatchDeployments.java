package io.storyteller.domain.deployment;

import io.storyteller.domain.shared.Actor;

/** Subscribes to the slots: the initial result is a list of {@link DeploymentView}, each update one changed slot. */
public record WatchDeployments(Actor viewer) {
}
