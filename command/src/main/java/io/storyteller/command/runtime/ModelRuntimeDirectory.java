package io.storyteller.command.runtime;

import io.storyteller.domain.model.ModelRef;
import org.springframework.ai.chat.model.ChatModel;

/**
 * Finds the runtime of a model version by its provider: {@code house} versions from the house
 * model store, the LLM providers through their configured Spring AI chat models.
 * <p>
 * A provider model is called by its version when that is itself a pinned provider model id
 * (it extends the model id, e.g. {@code gpt-4o-2024-08-06} of {@code openai:gpt-4o}, or
 * {@code llama3.1:8b} of {@code ollama:llama3.1}); otherwise (a snapshot date, a number) by its
 * model id. Named variants (base model + system prompt + sampling) are not resolved here.
 */
final class ModelRuntimeDirectory implements ModelRuntimes {

    private final HouseModelVersions house;
    private final ProviderChatModels providers;

    ModelRuntimeDirectory(HouseModelVersions house, ProviderChatModels providers) {
        this.house = house;
        this.providers = providers;
    }

    @Override
    public ChatModel chatModelFor(ModelRef ref) {
        ModelId id = ModelId.of(ref);
        if (HouseModelVersions.PROVIDER.equals(id.provider())) {
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
