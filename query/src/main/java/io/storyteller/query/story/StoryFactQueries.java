package io.storyteller.query.story;

import io.storyteller.domain.story.FindStoryFacts;
import io.storyteller.domain.story.StoryFactView;
import io.storyteller.projections.schema.StoryFactRows;
import io.storyteller.query.access.ReadRules;
import io.storyteller.query.access.Viewer;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the facts that stand in a story, to those who may read the story (its players, its
 * world's owner and admins, platform admins); anyone else gets none, as for a story that does not
 * exist. Oldest beat first, at most {@value #MAX_FACTS}.
 */
@Component
public class StoryFactQueries {

    /** The most facts one answer holds. */
    public static final int MAX_FACTS = 1000;

    private final JdbcClient jdbc;

    public StoryFactQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<StoryFactView> handle(FindStoryFacts query) {
        return jdbc.sql(StoryFactRows.SELECT + " WHERE f.story_id = :storyId AND " + ReadRules.STORY
                        + " ORDER BY f.since_beat, f.fact_key LIMIT " + MAX_FACTS)
                .params(Viewer.of(query.viewer()).params())
                .param("storyId", query.storyId())
                .query(StoryFactRows.VIEW)
                .list();
    }
}
