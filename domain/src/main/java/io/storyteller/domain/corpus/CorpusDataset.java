package io.storyteller.domain.corpus;

/** The datasets a corpus export can write, each one JSON-lines file per split. */
public enum CorpusDataset {
    /** Instruction/response pairs in the chat format: the prompt as recorded, the narration that stands. */
    SFT,
    /** Chosen vs rejected: ranked candidates, retried-away alternatives, hand edits vs originals. */
    PREFERENCES,
    /** Players' 1–5 ratings of narrations, with the prompt and the rated text. */
    RATINGS,
    /** Human text (player actions, hand edits, lore) vs generated text (narrations). */
    DETECTOR,
    /** Moderated text with its harm categories and severity, in the house guardrail's labelled format. */
    GUARDRAIL;

    public static final String TRAIN = "train";
    public static final String HOLDOUT = "holdout";

    /** The file-name stem, e.g. {@code sft}. */
    public String key() {
        return name().toLowerCase();
    }

    /** The export's file of one split, e.g. {@code ratings.holdout.jsonl}. */
    public String fileName(String split) {
        return key() + "." + split + ".jsonl";
    }
}
