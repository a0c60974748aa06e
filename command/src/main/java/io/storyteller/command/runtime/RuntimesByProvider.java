package io.storyteller.command.runtime;

import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelVariantView;
import java.util.Optional;
import org.springframework.ai.chat.model.ChatModel;

/**
 * Finds the runtime of a model version by its provider: {@code house} versions from the house
 * model store, everything else through the chat model of the provider endpoint of that name.
 * <p>
 * A provider model is called by its version when that is itself a pinned provider model id
 * (it extends the model id, e.g. {@code gpt-4o-2024-08-06} of {@code openai:gpt-4o}, or
 * {@code llama3.1:8b} of {@code ollama:llama3.1}); otherwise (a snapshot date, a number) by its
 * model id. A named variant ({@code variant:<name>}) runs on its base model's runtime with its
 * system prompt and sampling. A version of any other provider whose artifact is a local ONNX export
 * of a causal LM (a Hugging Face download) generates in-process ({@link LocalOnnxModels}).
 */
final class RuntimesByProvider implements ModelRuntimes {

    /** The provider part of a named variant's id: {@code variant:<name>}. */
    static final String VARIANT = "variant";

    private final PinnedHouseVersions house;
    private final ProviderRuntimes providers;
    private final VariantDefinitions variants;
    private final LocalOnnxModels local;

    RuntimesByProvider(PinnedHouseVersions house, ProviderRuntimes providers) {
        this(house, providers, VariantDefinitions.none());
    }

    RuntimesByProvider(PinnedHouseVersions house, ProviderRuntimes providers, VariantDefinitions variants) {
        this(house, providers, variants, LocalOnnxModels.none());
    }

    RuntimesByProvider(PinnedHouseVersions house, ProviderRuntimes providers, VariantDefinitions variants,
            LocalOnnxModels local) {
        this.house = house;
        this.providers = providers;
        this.variants = variants;
        this.local = local;
    }

    @Override
    public ChatModel chatModelFor(ModelRef ref) {
        ModelId id = ModelId.of(ref);
        if (VARIANT.equals(id.provider())) {
            ModelVariantView variant = variants.variant(ref.modelId()).orElseThrow(() -> new ModelUnavailableException(
                    "model " + ref.label() + " is not available: no such variant is registered"));
            return new VariantChatModel(chatModelFor(variant.base()), variant);
        }
        if (PinnedHouseVersions.PROVIDER.equals(id.provider())) {
            return house.chatModel(id.providerModelId(), ref.version());
        }
        if (providers.serves(id.provider())) {
            return providers.chatModel(id.provider(), callName(id.providerModelId(), ref.version()), ref.label());
        }
        Optional<ChatModel> downloaded = downloaded(ref);
        if (downloaded.isPresent()) {
            return downloaded.get();
        }
        throw new ModelUnavailableException("model " + ref.label() + " is not available: no runtime serves provider '"
                + id.provider() + "'");
    }

    /** A version whose artifact is a local ONNX export (a Hub download), generating in-process. */
    private Optional<ChatModel> downloaded(ModelRef ref) {
        try {
            return local.chatModel(ref);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ModelUnavailableException("model " + ref.label() + " is not available: " + e.getMessage());
        }
    }

    static String callName(String providerModelId, String version) {
        return version != null && version.startsWith(providerModelId) ? version : providerModelId;
    }
}
