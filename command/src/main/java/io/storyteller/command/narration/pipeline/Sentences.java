package io.storyteller.command.narration.pipeline;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A text's sentences, each with the whitespace that follows it, so that joining them gives the text back. Pure. */
public final class Sentences {

    private Sentences() {
    }

    public static List<String> of(String text) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text);
        List<String> parts = new ArrayList<>();
        int start = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
            parts.add(text.substring(start, end));
        }
        return parts;
    }
}
