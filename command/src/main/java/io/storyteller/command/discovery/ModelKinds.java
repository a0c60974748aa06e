package io.storyteller.command.discovery;

import io.storyteller.domain.model.ModelKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a listed model is, judged from its id (and family, where a catalogue gives one), since no
 * catalogue says it plainly: embeddings by {@code embed} (or a BERT family), classifiers by
 * {@code moderation}; audio, image and video models are none of the registry's kinds and are
 * left out, and so are legacy completion models ({@code babbage}, {@code davinci});
 * everything else is a chat model.
 */
final class ModelKinds {

    private static final Pattern NOT_TEXT = Pattern.compile(
            "whisper|tts|dall-e|gpt-image|image-|sora|transcribe|realtime|audio|babbage|davinci");

    private ModelKinds() {
    }

    static Optional<ModelKind> of(String providerModelId, List<String> families) {
        String id = providerModelId.toLowerCase(Locale.ROOT);
        if (id.contains("embed") || families.stream().anyMatch(family -> family.toLowerCase(Locale.ROOT).contains("bert"))) {
            return Optional.of(ModelKind.EMBEDDING);
        }
        if (id.contains("moderation")) {
            return Optional.of(ModelKind.CLASSIFIER);
        }
        if (NOT_TEXT.matcher(id).find()) {
            return Optional.empty();
        }
        return Optional.of(ModelKind.CHAT);
    }

    static List<String> capabilities(ModelKind kind) {
        return switch (kind) {
            case CHAT -> List.of("chat");
            case EMBEDDING -> List.of("embedding");
            case CLASSIFIER -> List.of("classification");
        };
    }
}
