package io.storyteller.domain.story;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A story's beats as its snapshot stores them: one byte string per kind of data (base64 in the
 * JSON), each beat's id stored once and no id stored twice.
 * <ul>
 *   <li>{@code shape}: the number of beats, then per beat a flags byte ({@code NARRATION},
 *       how its id is stored, whether it answers the beat just before, has several alternatives or
 *       was read) and, when needed, the way back to its action and its alternatives' count and
 *       selection as varints.</li>
 *   <li>{@code ids}: a UUID-shaped id in 16 bytes, another as UTF-8; none for a narration whose id
 *       is the one the engine derives from its action ({@link RecordNarration#beatIdFor}).</li>
 *   <li>{@code texts}: each alternative's {@link TextFingerprint} (8 bytes and the length);
 *       {@code readings}: the fingerprint of each read beat's last fact reading, except a reading
 *       that found nothing (most beats' in a long story), which its flag says alone.</li>
 *   <li>{@code erased}: the ids of erased beats.</li>
 * </ul>
 * A narration links to its action by position, not by a second copy of the action's id: erasing
 * always takes a beat and everything after it, so an action stands wherever its narrations do.
 */
@JsonPropertyOrder({"storyId", "shape", "ids", "texts", "readings", "erased"})
record PackedBeats(String storyId, byte[] shape, byte[] ids, byte[] texts, byte[] readings, byte[] erased) {

    private static final int NARRATION = 1;
    private static final int UUID_ID = 2;
    private static final int DERIVED_ID = 4;
    private static final int ANSWERS_PREVIOUS = 8;
    private static final int ALTERNATIVES = 16;
    private static final int READ = 32;
    private static final int FOUND_NOTHING = 64;
    private static final TextFingerprint NOTHING = StoryFactBook.fingerprint(List.of());

    static PackedBeats of(String storyId, List<Beat> beats, Set<String> erased) {
        PackedBytes.Writer shape = new PackedBytes.Writer().varint(beats.size());
        PackedBytes.Writer ids = new PackedBytes.Writer();
        PackedBytes.Writer texts = new PackedBytes.Writer();
        PackedBytes.Writer readings = new PackedBytes.Writer();
        for (int i = 0; i < beats.size(); i++) {
            Beat beat = beats.get(i);
            boolean narration = beat.kind == BeatKind.NARRATION;
            int action = narration ? actionIndex(beats, i) : i;
            int flags = narration ? NARRATION : 0;
            if (narration && storyId != null && beat.beatId.equals(RecordNarration.beatIdFor(storyId, beat.actionBeatId()))) {
                flags |= DERIVED_ID;
            } else if (PackedBytes.isUuid(beat.beatId)) {
                flags |= UUID_ID;
            }
            flags |= narration && action == i - 1 ? ANSWERS_PREVIOUS : 0;
            flags |= beat.alternatives.size() > 1 ? ALTERNATIVES : 0;
            flags |= beat.reading == null ? 0 : beat.reading.equals(NOTHING) ? FOUND_NOTHING : READ;
            shape.varint(flags);
            if (narration && action != i - 1) {
                shape.varint(action < 0 ? 0 : i - action);
            }
            if ((flags & ALTERNATIVES) != 0) {
                shape.varint(beat.alternatives.size()).varint(beat.selected);
            }
            if (narration && action < 0) {
                ids.id(beat.actionBeatId());
            }
            if ((flags & DERIVED_ID) == 0) {
                if ((flags & UUID_ID) != 0) {
                    ids.uuid(beat.beatId);
                } else {
                    ids.text(beat.beatId);
                }
            }
            beat.alternatives.forEach(texts::fingerprint);
            if ((flags & READ) != 0) {
                readings.fingerprint(beat.reading);
            }
        }
        PackedBytes.Writer erasedIds = new PackedBytes.Writer();
        erased.forEach(erasedIds::id);
        return new PackedBeats(storyId, shape.bytes(), ids.bytes(), texts.bytes(), readings.bytes(), erasedIds.bytes());
    }

    /** The nearest action before the narration at {@code index} that it answers; -1 when none stands. */
    private static int actionIndex(List<Beat> beats, int index) {
        String action = beats.get(index).actionBeatId();
        for (int i = index - 1; i >= 0; i--) {
            if (beats.get(i).beatId.equals(action)) {
                return i;
            }
        }
        return -1;
    }

    List<Beat> beats() {
        PackedBytes.Reader shape = new PackedBytes.Reader(this.shape);
        PackedBytes.Reader ids = new PackedBytes.Reader(this.ids);
        PackedBytes.Reader texts = new PackedBytes.Reader(this.texts);
        PackedBytes.Reader readings = new PackedBytes.Reader(this.readings);
        int count = shape.hasMore() ? shape.varint() : 0;
        List<Beat> beats = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int flags = shape.varint();
            boolean narration = (flags & NARRATION) != 0;
            int back = !narration ? 0 : (flags & ANSWERS_PREVIOUS) != 0 ? 1 : shape.varint();
            int alternatives = 1;
            int selected = 0;
            if ((flags & ALTERNATIVES) != 0) {
                alternatives = shape.varint();
                selected = shape.varint();
            }
            String actionBeatId = !narration ? null : back > 0 ? beats.get(i - back).beatId : ids.id();
            String beatId = (flags & DERIVED_ID) != 0 ? RecordNarration.beatIdFor(storyId, actionBeatId)
                    : (flags & UUID_ID) != 0 ? ids.uuid() : ids.text();
            List<TextFingerprint> fingerprints = new ArrayList<>(alternatives);
            for (int a = 0; a < alternatives; a++) {
                fingerprints.add(texts.fingerprint());
            }
            TextFingerprint reading = (flags & READ) != 0 ? readings.fingerprint()
                    : (flags & FOUND_NOTHING) != 0 ? NOTHING : null;
            beats.add(new Beat(beatId, narration ? BeatKind.NARRATION : BeatKind.PLAYER_ACTION, actionBeatId,
                    fingerprints, selected, reading));
        }
        return beats;
    }

    Set<String> erasedIds() {
        Set<String> ids = new LinkedHashSet<>();
        PackedBytes.Reader reader = new PackedBytes.Reader(erased);
        while (reader.hasMore()) {
            ids.add(reader.id());
        }
        return ids;
    }
}
