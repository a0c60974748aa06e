package io.storyteller.command.housemodel.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A beat as the corpus sees it: its alternatives, which one stands, and whether that text was
 * written by a house model. Mirrors the Story aggregate: a retried narration's new alternative
 * is selected at once, an edit replaces the selected alternative's text.
 */
final class CorpusBeat {

    /** byHouse: sampled by a house model and not since rewritten by a person. */
    private record Alternative(String text, boolean byHouse) {
    }

    private final List<Alternative> alternatives = new ArrayList<>();
    private int selected;
    private long changedAt;

    CorpusBeat(String text, boolean byHouse, long at) {
        alternatives.add(new Alternative(text, byHouse));
        changedAt = at;
    }

    void addAlternative(int index, String text, boolean byHouse, long at) {
        while (alternatives.size() <= index) {
            alternatives.add(new Alternative("", false));
        }
        alternatives.set(index, new Alternative(text, byHouse));
        select(index, at);
    }

    void select(int index, long at) {
        if (index >= 0 && index < alternatives.size()) {
            selected = index;
            changedAt = at;
        }
    }

    /** A person's rewrite: the text is theirs now, whoever wrote the original. */
    void edit(String text, long at) {
        alternatives.set(selected, new Alternative(text, false));
        changedAt = at;
    }

    Optional<CorpusDocument> document(boolean includeHouseNarrations) {
        Alternative standing = alternatives.get(selected);
        if (standing.text() == null || standing.text().isBlank() || (standing.byHouse() && !includeHouseNarrations)) {
            return Optional.empty();
        }
        return Optional.of(new CorpusDocument(standing.text().strip(), changedAt));
    }
}
