package io.storyteller.command.discovery;

import java.util.List;

/** What one provider offers. */
public interface ModelCatalogue {

    /** The provider's name in model ids, e.g. {@code openai}. */
    String provider();

    /** Chat, embedding and classifier models only; models of other kinds (audio, images) are left out. */
    List<ListedModel> list();
}
