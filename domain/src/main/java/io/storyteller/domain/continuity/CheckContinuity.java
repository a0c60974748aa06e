package io.storyteller.domain.continuity;

import io.storyteller.domain.shared.Actor;
import java.util.List;

/**
 * Checks a candidate beat against lore and a story told so far, as the narration pipeline would
 * (platform admins, for evaluating the continuity engine). A {@code story} line starting with
 * {@code "> "} is a player's action, any other a narration.
 */
public record CheckContinuity(List<String> lore, List<String> story, String candidate, Actor viewer) {
}
