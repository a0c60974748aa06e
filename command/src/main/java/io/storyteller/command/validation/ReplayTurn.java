package io.storyteller.command.validation;

import io.storyteller.command.narration.pipeline.TurnGround;
import org.springframework.ai.chat.prompt.Prompt;

/** A recorded turn ready to replay: the narrator's prompt as it was assembled, and what the judge holds it to. */
record ReplayTurn(TurnGround ground, Prompt prompt) {
}
