package io.storyteller.command.discovery;

import java.util.List;

/** What one provider endpoint offers. */
public interface ModelCatalogue {

    /** The endpoint it lists. */
    ProviderConnection connection();

    /** The endpoint's name in model ids, e.g. {@code openai} or {@code local-vllm}. */
    default String provider() {
        return connection().provider();
    }

    /** Chat, embedding and classifier models only; models of other kinds (audio, images) are left out. */
    List<ListedModel> list();
}
