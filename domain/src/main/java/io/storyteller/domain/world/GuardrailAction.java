package io.storyteller.domain.world;

/** What the narration pipeline does with a candidate the world's content rating does not allow. */
public enum GuardrailAction {
    /** Drop it; if no candidate is left, the turn fails with a reason the player can act on. */
    BLOCK,
    /** Drop it and generate again (within the policy's tries), telling the model what to avoid; block when tries run out. */
    REGENERATE,
    /** Keep it with the offending sentences removed, when what remains still answers the turn; else block. */
    REDACT
}
