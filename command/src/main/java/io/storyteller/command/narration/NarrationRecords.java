package io.storyteller.command.narration;

import io.storyteller.command.narration.context.AssembledPrompt;
import io.storyteller.command.narration.context.TokenEstimate;
import io.storyteller.command.narration.failure.CannotNarrateException;
import io.storyteller.command.runtime.ModelNames;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.TextRules;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRoute;

/** What a narration call leaves on record: its text as the Story aggregate takes it, and its provenance. */
final class NarrationRecords {

    /** The Story aggregate's limit on a narration beat. */
    static final int MAX_NARRATION_LENGTH = 8000;

    private NarrationRecords() {
    }

    /**
     * The narration's text as recorded: cleaned of what no store takes (a model may answer NUL or a
     * lone surrogate), stripped, never empty, within the Story aggregate's limit.
     */
    static String textOf(GeneratedNarration generated) {
        String text = TextRules.cleaned(generated.text()).strip();
        if (text.isEmpty()) {
            throw new CannotNarrateException("narrator returned no text");
        }
        if (text.length() <= MAX_NARRATION_LENGTH) {
            return text;
        }
        // The limit counts chars: cut before a surrogate pair rather than through it.
        int end = Character.isHighSurrogate(text.charAt(MAX_NARRATION_LENGTH - 1)) ? MAX_NARRATION_LENGTH - 1
                : MAX_NARRATION_LENGTH;
        return text.substring(0, end);
    }

    static NarrationProvenance provenance(GeneratedNarration generated, String configuredModel,
            AssembledPrompt prompt, String text) {
        String model = generated.model() != null ? generated.model()
                : configuredModel.isBlank() ? "unnamed" : configuredModel;
        return new NarrationProvenance(model, ModelNames.version(model), prompt.digest(), prompt.loreEntryIds(),
                generated.latencyMillis(), promptTokens(generated, prompt), completionTokens(generated, text));
    }

    /** Provenance of a routed narration: the model version the deployment chose, and the route that chose it. */
    static NarrationProvenance routedProvenance(GeneratedNarration generated, ModelRef answered, AssembledPrompt prompt,
            String text, NarrationRoute route) {
        return new NarrationProvenance(answered.modelId(), answered.version(), prompt.digest(), prompt.loreEntryIds(),
                generated.latencyMillis(), promptTokens(generated, prompt), completionTokens(generated, text))
                .routed(route.deploymentId(), route.arm(), route.rolloutId(), route.rolloutStep());
    }

    private static int promptTokens(GeneratedNarration generated, AssembledPrompt prompt) {
        return generated.promptTokens() != null ? generated.promptTokens() : prompt.estimatedTokens();
    }

    private static int completionTokens(GeneratedNarration generated, String text) {
        return generated.completionTokens() != null ? generated.completionTokens() : TokenEstimate.of(text);
    }
}
