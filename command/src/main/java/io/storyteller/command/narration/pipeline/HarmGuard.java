package io.storyteller.command.narration.pipeline;

import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.world.ContentRating;

/** Classifies a text's harm categories and severities and decides it at a content rating, with the world's guardrail deployment. */
@FunctionalInterface
public interface HarmGuard {

    /** Where a checked text comes from: the guardrail may treat a player's request and a narration differently. */
    enum Source { PLAYER, NARRATION }

    /** The verdict of the slot's stable version, or of the house default without a slot. */
    HarmVerdict check(String worldId, ContentRating rating, String text, Source source);

    /**
     * The verdict of the version that judges this story (the canary for the stories its weight gives
     * it), unrecorded: what redaction and the player's own text are held to. Unrouted by default.
     */
    default HarmVerdict checkFor(String worldId, String storyId, ContentRating rating, String text, Source source) {
        return check(worldId, rating, text, source);
    }

    /**
     * A candidate's verdict by the version that judges the story, with the routed calls (the
     * mirrored one of a shadow phase included). Unrouted by default.
     */
    default StageOutcome<HarmVerdict> judge(TurnGround ground, String text) {
        return StageOutcome.unrouted(check(ground.worldId(), ground.rating(), text, Source.NARRATION));
    }
}
