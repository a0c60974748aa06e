package io.storyteller.command.autoswitch;

import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.story.FindRecentPlayerActions;
import io.storyteller.domain.story.RecordedPlayerAction;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.queryhandling.QueryHandler;

/** The recorded actions and models as the replay queries them, held in memory. */
final class ReadSide {

    final List<RecordedPlayerAction> actions = new CopyOnWriteArrayList<>();
    final List<ModelView> models = new CopyOnWriteArrayList<>();
    final List<FindRecentPlayerActions> asked = new CopyOnWriteArrayList<>();

    /** The newest {@code limit} of the world's (or all) actions, oldest first, as the read model answers. */
    @QueryHandler
    List<RecordedPlayerAction> handle(FindRecentPlayerActions query) {
        asked.add(query);
        List<RecordedPlayerAction> matching = actions.stream()
                .filter(action -> query.worldId() == null || query.worldId().equals(action.worldId())).toList();
        return matching.subList(Math.max(0, matching.size() - query.limit()), matching.size());
    }

    @QueryHandler
    List<ModelView> handle(FindModels query) {
        return models.stream().filter(m -> query.provider() == null || query.provider().equals(m.spec().provider()))
                .toList();
    }
}
