package io.storyteller.command.housemodel.classifier;

/** A line of a labelled set that breaks a rule: its 1-based number, the field and the rule. */
public final class LabelledSetException extends RuntimeException {

    private final int line;
    private final String field;
    private final String rule;

    public LabelledSetException(int line, String field, String rule, String message) {
        super("line " + line + ": " + field + " [" + rule + "] " + message);
        this.line = line;
        this.field = field;
        this.rule = rule;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
