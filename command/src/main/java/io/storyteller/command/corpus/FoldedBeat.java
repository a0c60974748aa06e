package io.storyteller.command.corpus;

import io.storyteller.domain.story.BeatKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A beat as the exporter keeps it until its story is written out: the action's text, or the
 * narration's alternatives, the selected one, hand edits, and the prompt it was written for. As in
 * the Story aggregate, an edit rewrites the selected alternative, and a retry selects the new one.
 * {@code yields} says whether the event that made it lies in the selection.
 */
final class FoldedBeat {

    final String beatId;
    final BeatKind kind;
    final boolean yields;
    final NarrationPrompt prompt;
    final List<String> alternatives = new ArrayList<>();
    /** Per alternative, its hand-edited text or null. */
    private final List<String> edits = new ArrayList<>();
    int selected;
    /** Whether the latest retry (another alternative) lies in the selection. */
    boolean retryYields;

    FoldedBeat(String beatId, BeatKind kind, String text, NarrationPrompt prompt, boolean yields) {
        this.beatId = beatId;
        this.kind = kind;
        this.prompt = prompt;
        this.yields = yields;
        alternatives.add(text == null ? "" : text);
        edits.add(null);
    }

    void addAlternative(int index, String text, boolean yields) {
        while (alternatives.size() <= index) {
            alternatives.add("");
            edits.add(null);
        }
        alternatives.set(index, text == null ? "" : text);
        edits.set(index, null);
        selected = index;
        retryYields = yields;
    }

    void select(int index) {
        if (index >= 0 && index < alternatives.size()) {
            selected = index;
        }
    }

    void edit(String text) {
        edits.set(selected, text);
    }

    boolean isEdited() {
        return edits.get(selected) != null;
    }

    /** The text that stands: the hand edit if any, else the selected alternative. */
    String text() {
        String edited = edits.get(selected);
        return edited != null ? edited : alternatives.get(selected);
    }

    /** The selected alternative as generated, before any edit. */
    String generated() {
        return alternatives.get(selected);
    }

    ChatTurn asTurn() {
        return new ChatTurn(kind == BeatKind.PLAYER_ACTION ? ChatTurn.USER : ChatTurn.ASSISTANT, text());
    }
}
