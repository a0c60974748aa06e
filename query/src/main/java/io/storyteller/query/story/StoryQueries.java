package io.storyteller.query.story;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.story.FindStories;
import io.storyteller.domain.story.FindStory;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.story.WatchStory;
import io.storyteller.projections.schema.StoryRows;
import io.storyteller.query.access.ReadRules;
import io.storyteller.query.access.Viewer;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers story queries; a story the viewer may not see is absent. */
@Component
public class StoryQueries {

    private final JdbcClient jdbc;

    public StoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<StoryView> handle(FindStory query) {
        return find(query.storyId(), Viewer.of(query.viewer()));
    }

    /** The stories the viewer may see, in one world when it is given, most recently active first. */
    @QueryHandler
    public List<StoryView> handle(FindStories query) {
        boolean inWorld = query.worldId() != null && !query.worldId().isBlank();
        var statement = jdbc.sql(StoryRows.SELECT + " WHERE " + ReadRules.STORY
                        + (inWorld ? " AND s.world_id = :worldId" : "")
                        + " ORDER BY s.updated_at DESC, s.story_id")
                .params(Viewer.of(query.viewer()).params());
        if (inWorld) {
            statement = statement.param("worldId", query.worldId());
        }
        return statement.query(StoryRows.VIEW).list();
    }

    /**
     * The initial result of a story subscription. Unlike {@link FindStory} a story that is missing
     * or not visible is an error, not an empty result: the subscription's updates are filtered by
     * story id only, so the caller must not go on to stream them. The error is the same NOT_FOUND
     * rejection in both cases, so it reveals nothing.
     */
    @QueryHandler
    public StoryView handle(WatchStory query) {
        return find(query.storyId(), Viewer.of(query.viewer()))
                .orElseThrow(() -> DomainRejection.notFound("storyId", "no story " + query.storyId()));
    }

    private Optional<StoryView> find(String storyId, Viewer viewer) {
        return jdbc.sql(StoryRows.SELECT + " WHERE s.story_id = :storyId AND " + ReadRules.STORY)
                .params(viewer.params())
                .param("storyId", storyId)
                .query(StoryRows.VIEW)
                .optional();
    }
}
