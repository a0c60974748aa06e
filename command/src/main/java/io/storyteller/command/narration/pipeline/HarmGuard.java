package io.storyteller.command.narration.pipeline;

import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.world.ContentRating;

/** Classifies a text's harm categories and severities and decides it at a content rating, with the world's guardrail deployment. */
@FunctionalInterface
public interface HarmGuard {

    /** Where a checked text comes from: the guardrail may treat a player's request and a narration differently. */
    enum Source { PLAYER, NARRATION }

    HarmVerdict check(String worldId, ContentRating rating, String text, Source source);
}
