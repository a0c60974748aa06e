package io.storyteller.query.story;

import io.storyteller.domain.story.BeatPage;
import io.storyteller.domain.story.BeatView;
import io.storyteller.domain.story.FindBeat;
import io.storyteller.domain.story.FindBeats;
import io.storyteller.domain.story.FindRecentBeats;
import io.storyteller.projections.schema.BeatRows;
import io.storyteller.query.access.ReadRules;
import io.storyteller.query.access.Viewer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers beat queries with pages of beats in story order. Positions are contiguous from 1 to
 * the story's beat count, so a page's neighbours follow from its bounds. A story that is missing
 * or not visible gives an empty page with a total of 0.
 */
@Component
public class BeatQueries {

    /** The most beats one page holds. */
    public static final int MAX_PAGE = 100;

    private static final BeatPage NOTHING = new BeatPage(List.of(), false, false, 0);

    /**
     * One statement, so the total and the beats come from one snapshot; the story row decides
     * visibility, and a visible story always yields a row (with null beat columns if the slice
     * is empty).
     */
    private static final String SLICE = """
            WITH story AS (SELECT s.story_id, s.beat_count, %s AS moderates FROM stories s
                           WHERE s.story_id = :storyId AND %s)
            SELECT story.beat_count AS total_count, story.moderates, b.*
            FROM story LEFT JOIN LATERAL (
                SELECT %s FROM beats
                WHERE beats.story_id = story.story_id AND beats.position > %s
                ORDER BY beats.position LIMIT :limit) b ON true
            ORDER BY b.position""";

    /** One beat of a visible story, with whether the viewer moderates it; no row when either is missing. */
    private static final String ONE = """
            SELECT %s AS moderates, b.* FROM stories s
            JOIN LATERAL (SELECT %s FROM beats WHERE beats.story_id = s.story_id AND beats.beat_id = :beatId) b ON true
            WHERE s.story_id = :storyId AND %s""";

    private final JdbcClient jdbc;

    public BeatQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code first} (at most {@value #MAX_PAGE}) beats after {@code afterPosition} (at least 0). */
    @QueryHandler
    public BeatPage handle(FindBeats query) {
        int after = Math.max(0, query.afterPosition());
        int first = Math.clamp(query.first(), 0, MAX_PAGE);
        return slice(query.storyId(), Viewer.of(query.viewer()), ":after", first, after)
                .map(slice -> new BeatPage(slice.beats(), after > 0 && slice.total() > 0,
                        after + slice.beats().size() < slice.total(), slice.total()))
                .orElse(NOTHING);
    }

    /** The last {@code limit} (at most {@value #MAX_PAGE}) beats, oldest first. */
    @QueryHandler
    public BeatPage handle(FindRecentBeats query) {
        int limit = Math.clamp(query.limit(), 0, MAX_PAGE);
        return slice(query.storyId(), Viewer.of(query.viewer()), "story.beat_count - :limit", limit, 0)
                .map(slice -> new BeatPage(slice.beats(), slice.beats().size() < slice.total(), false, slice.total()))
                .orElse(NOTHING);
    }

    /** The beat, when the viewer may read its story (as for a page of beats) and it belongs to that story. */
    @QueryHandler
    public Optional<BeatView> handle(FindBeat query) {
        return jdbc.sql(ONE.formatted(ReadRules.MODERATES_STORY, BeatRows.COLUMNS, ReadRules.STORY))
                .params(Viewer.of(query.viewer()).params())
                .param("storyId", query.storyId())
                .param("beatId", query.beatId())
                .query((rs, row) -> {
                    BeatView beat = BeatRows.view(rs, row);
                    return rs.getBoolean("moderates") ? beat : beat.unflagged();
                })
                .optional();
    }

    /** The beats above {@code lowerBound} (fixed SQL from this class); empty when not visible. */
    private Optional<Slice> slice(String storyId, Viewer viewer, String lowerBound, int limit, int after) {
        return jdbc.sql(SLICE.formatted(ReadRules.MODERATES_STORY, ReadRules.STORY, BeatRows.COLUMNS, lowerBound))
                .params(viewer.params())
                .param("storyId", storyId)
                .param("limit", limit)
                .param("after", after)
                .query((ResultSetExtractor<Optional<Slice>>) BeatQueries::slice);
    }

    private static Optional<Slice> slice(ResultSet rs) throws SQLException {
        Integer total = null;
        List<BeatView> beats = new ArrayList<>();
        while (rs.next()) {
            total = rs.getInt("total_count");
            if (rs.getString("beat_id") != null) {
                BeatView beat = BeatRows.view(rs, beats.size());
                // players read the story, not the moderation marks on it
                beats.add(rs.getBoolean("moderates") ? beat : beat.unflagged());
            }
        }
        return total == null ? Optional.empty() : Optional.of(new Slice(total, List.copyOf(beats)));
    }

    private record Slice(int total, List<BeatView> beats) {
    }
}
