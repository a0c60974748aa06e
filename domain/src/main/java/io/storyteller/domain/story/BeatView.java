package io.storyteller.domain.story;

import java.time.Instant;
import java.util.List;

/** A beat as its readers see it. */
public record BeatView(String beatId,
        String storyId,
        int position,
        BeatKind kind,
        String playerId,
        String text,
        boolean edited,
        String originalText,
        List<String> alternatives,
        int selectedAlternative,
        Integer rating,
        NarrationProvenance provenance,
        Instant createdAt,
        BeatFlag flag) {

    /** A beat no admin has flagged. */
    public BeatView(String beatId, String storyId, int position, BeatKind kind, String playerId, String text,
            boolean edited, String originalText, List<String> alternatives, int selectedAlternative, Integer rating,
            NarrationProvenance provenance, Instant createdAt) {
        this(beatId, storyId, position, kind, playerId, text, edited, originalText, alternatives, selectedAlternative,
                rating, provenance, createdAt, null);
    }

    /** The beat without its moderation flag, as a reader who does not moderate the story sees it. */
    public BeatView unflagged() {
        return flag == null ? this : new BeatView(beatId, storyId, position, kind, playerId, text, edited, originalText,
                alternatives, selectedAlternative, rating, provenance, createdAt, null);
    }
}
