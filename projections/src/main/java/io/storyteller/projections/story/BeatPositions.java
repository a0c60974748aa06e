package io.storyteller.projections.story;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/**
 * The highest beat position of each story a replay's batch writes beats of, read once when the
 * batch is written and then kept in memory: an appended beat takes the next position without asking
 * the table, and the story's beat count is known without counting. Positions run 1..n without gaps
 * (an erasure only removes the end), so the highest position is the count.
 */
final class BeatPositions {

    private static final String HIGHEST = """
            SELECT story_id, max(position) AS highest FROM beats WHERE story_id = ANY(:storyIds) GROUP BY story_id""";

    private final Map<String, Integer> highest = new HashMap<>();
    /** Beats this batch appended and did not erase, per story: appending one again changes nothing. */
    private final Map<String, Set<String>> appended = new HashMap<>();

    private BeatPositions() {
    }

    static BeatPositions read(NamedParameterJdbcOperations jdbc, Collection<String> storyIds) {
        BeatPositions positions = new BeatPositions();
        storyIds.forEach(storyId -> positions.highest.put(storyId, 0));
        if (!storyIds.isEmpty()) {
            jdbc.query(HIGHEST, Map.of("storyIds", storyIds.toArray(String[]::new)),
                    row -> {
                        positions.highest.put(row.getString("story_id"), row.getInt("highest"));
                    });
        }
        return positions;
    }

    /** The position of a beat appended now, or 0 when this batch appended it already (it stays where it is). */
    int append(String storyId, String beatId) {
        if (!appended.computeIfAbsent(storyId, id -> new HashSet<>()).add(beatId)) {
            return 0;
        }
        return highest.merge(storyId, 1, Integer::sum);
    }

    /** The beats were erased, {@code deleted} of them found. */
    void erased(String storyId, List<String> beatIds, int deleted) {
        appended.getOrDefault(storyId, new HashSet<>()).removeAll(beatIds);
        highest.merge(storyId, -deleted, Integer::sum);
    }

    /** The story's beat count now, or null when this batch wrote none of its beats. */
    Integer count(String storyId) {
        return highest.get(storyId);
    }
}
