package io.storyteller.command.housemodel.classifier.guardrail;

/** A text for the guardrail and who wrote it. */
public record GuardrailText(String text, TextSource source) {
}
