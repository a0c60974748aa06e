package io.storyteller.command.runtime.onnx;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The text of a generation as its tokens arrive. Tokens are decoded together (a byte-level BPE
 * token may be half a character, a SentencePiece token's space depends on its neighbours), and a
 * piece is handed on only once it is certain: no half character, and no text that could still be
 * the start of a stop sequence. A stop sequence ends the text before it. The pieces handed on
 * concatenate to exactly {@link #text()}.
 */
final class StreamedText {

    private final HuggingFaceTokenizer tokenizer;
    private final List<String> stops;
    private final Consumer<String> onPiece;
    private final List<Long> ids = new ArrayList<>();
    private final StringBuilder emitted = new StringBuilder();
    private String decoded = "";
    private boolean stopped;

    StreamedText(HuggingFaceTokenizer tokenizer, List<String> stops, Consumer<String> onPiece) {
        this.tokenizer = tokenizer;
        this.stops = stops.stream().filter(stop -> !stop.isEmpty()).toList();
        this.onPiece = onPiece;
    }

    /** @return true when the text now reaches a stop sequence: generation must end */
    boolean add(long id) {
        ids.add(id);
        decoded = tokenizer.decode(ids.stream().mapToLong(Long::longValue).toArray(), true);
        int stop = firstStop();
        if (stop >= 0) {
            stopped = true;
            emitUpTo(stop);
            return true;
        }
        if (!decoded.endsWith("\uFFFD")) {
            emitUpTo(decoded.length() - heldBack());
        }
        return false;
    }

    /** Hands on what was held back (the generation ended without a stop sequence). */
    void finish() {
        if (!stopped) {
            emitUpTo(decoded.length());
        }
    }

    String text() {
        return emitted.toString();
    }

    private void emitUpTo(int end) {
        // A decoder may rewrite earlier text (rare): what was handed on stays, the rest waits.
        if (end > emitted.length() && decoded.startsWith(emitted.toString())) {
            String piece = decoded.substring(emitted.length(), end);
            emitted.append(piece);
            onPiece.accept(piece);
        }
    }

    private int firstStop() {
        int first = -1;
        for (String stop : stops) {
            int at = decoded.indexOf(stop, Math.max(0, emitted.length() - stop.length()));
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** The longest end of the text that some stop sequence begins with. */
    private int heldBack() {
        int held = 0;
        for (String stop : stops) {
            for (int length = Math.min(stop.length() - 1, decoded.length()); length > held; length--) {
                if (decoded.endsWith(stop.substring(0, length))) {
                    held = length;
                    break;
                }
            }
        }
        return held;
    }
}
