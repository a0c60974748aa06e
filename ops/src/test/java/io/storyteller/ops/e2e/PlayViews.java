package io.storyteller.ops.e2e;

import java.util.List;

/** The API's stories, beats and story updates as the end-to-end tests read them, with the selections that fetch them. */
final class PlayViews {

    static final String PROVENANCE_FIELDS =
            "provenance { model modelVersion promptDigest loreEntryIds latencyMillis promptTokens completionTokens }";

    static final String BEAT_FIELDS = "id storyId position kind playerId text edited originalText alternatives "
            + "selectedAlternative rating " + PROVENANCE_FIELDS;

    static final String STORY_FIELDS =
            "id worldId title ownerId participants status authorsNote pinnedMemory beatCount narrationPending";

    private PlayViews() {
    }

    record Story(String id, String worldId, String title, String ownerId, List<String> participants, String status,
                 String authorsNote, String pinnedMemory, int beatCount, boolean narrationPending) {
    }

    record Beat(String id, String storyId, int position, String kind, String playerId, String text, boolean edited,
                String originalText, List<String> alternatives, int selectedAlternative, Integer rating,
                Provenance provenance) {
    }

    record Provenance(String model, String modelVersion, String promptDigest, List<String> loreEntryIds,
                      long latencyMillis, int promptTokens, int completionTokens) {
    }

    record BeatConnection(List<Edge> edges, PageInfo pageInfo, int totalCount) {

        List<Beat> beats() {
            return edges.stream().map(Edge::node).toList();
        }
    }

    record Edge(String cursor, Beat node) {
    }

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /** One {@code storyEvents} message. */
    record Update(String storyId, String kind, Beat beat, String requestId, String chunk, String reason) {

        boolean is(String kind) {
            return this.kind.equals(kind);
        }

        boolean isAbout(String beatId) {
            return beat != null && beatId.equals(beat.id());
        }
    }
}
