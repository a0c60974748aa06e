package io.storyteller.command.continuity;

import java.util.Arrays;

/** The ten kinds of contradiction the continuity check knows, each with the label the labelled sets use. */
public enum ContinuityKind {
    DEATH("death"),
    DESTROYED_PLACE("destroyed-place"),
    NAME("name"),
    POSSESSION("possession"),
    LOCATION("location"),
    COUNT("count"),
    TIME("time"),
    RELATIONSHIP("relationship"),
    PHYSICAL_STATE("physical-state"),
    LORE_RULE("lore-rule");

    private final String label;

    ContinuityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind a label names, or null when it names none. */
    public static ContinuityKind fromLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equalsIgnoreCase(label == null ? "" : label.trim()))
                .findFirst().orElse(null);
    }
}
