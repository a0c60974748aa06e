package io.storyteller.command.runtime;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelVariantView;
import org.springframework.ai.chat.model.ChatModel;

/**
 * Finds the runtime of a model version by its provider: {@code house} versions from the house
 * model store, everything else through the chat model of the provider endpoint of that name.
 * <p>
 * A provider model is called by its version when that is itself a pinned provider model id
 * (it extends the model id, e.g. {@code gpt-4o-2024-08-06} of {@code openai:gpt-4o}, or
 * {@code llama3.1:8b} of {@code ollama:llama3.1}); otherwise (a snapshot date, a number) by its
 * model id. A named variant ({@code variant:<name>}) runs on its base model's runtime with its
 * system prompt and sampling.
 */
final class RuntimesByProvider implements ModelRuntimes {

    /** The provider part of a named variant's id: {@code variant:<name>}. */
    static final String VARIANT = "variant";

    private final PinnedHouseVersions house;
    private final ProviderRuntimes providers;
    private final VariantDefinitions variants;

    RuntimesByProvider(PinnedHouseVersions house, ProviderRuntimes providers) {
        this(house, providers, VariantDefinitions.none());
    }

    RuntimesByProvider(PinnedHouseVersions house, ProviderRuntimes providers, VariantDefinitions variants) {
        this.house = house;
        this.providers = providers;
        this.variants = variants;
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
        throw new ModelUnavailableException("model " + ref.label() + " is not available: no runtime serves provider '"
                + id.provider() + "'");
    }

    static String callName(String providerModelId, String version) {
        return version != null && version.startsWith(providerModelId) ? version : providerModelId;
    }
}
