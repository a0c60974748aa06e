package io.storyteller.command.housemodel.prose;

import io.storyteller.command.brief.BriefLore;
import io.storyteller.command.brief.NarrationBrief;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shape of a beat before its words are chosen: which sentences, in which order, and which lore
 * each lore sentence may draw on. The action comes first; lore of this scene is always cited when
 * there is some (else an always-on entry; lore on how to write is never told); a fact, the scene and a hand-back vary in presence and
 * order from beat to beat, so that consecutive beats are not built alike.
 */
record BeatPlan(List<Part> parts) {

    enum Kind { ACTION, LORE, FACT, AMBIENT, HOOK }

    /** One sentence to choose; {@code lore} are the entries a LORE sentence may draw on. */
    record Part(Kind kind, List<BriefLore> lore) {

        static Part of(Kind kind) {
            return new Part(kind, List.of());
        }
    }

    static final double SECOND_LORE = 0.35;
    static final double AMBIENT_WITH_LORE = 0.6;
    static final double AMBIENT_FIRST = 0.4;
    static final double HOOK = 0.5;

    static BeatPlan of(NarrationBrief brief, SplittableRandom random) {
        List<BriefLore> tellable = brief.lore().stream().filter(LoreSentences::tellable).toList();
        List<BriefLore> triggered = tellable.stream().filter(BriefLore::triggered).toList();
        List<BriefLore> alwaysOn = tellable.stream().filter(l -> !l.triggered()).toList();
        List<Part> parts = new ArrayList<>();
        parts.add(Part.of(Kind.ACTION));
        boolean ambient = tellable.isEmpty() || random.nextDouble() < AMBIENT_WITH_LORE;
        boolean ambientFirst = random.nextDouble() < AMBIENT_FIRST;
        if (ambient && ambientFirst) {
            parts.add(Part.of(Kind.AMBIENT));
        }
        if (!tellable.isEmpty()) {
            parts.add(new Part(Kind.LORE, triggered.isEmpty() ? alwaysOn : triggered));
            if (tellable.size() > 1 && random.nextDouble() < SECOND_LORE) {
                parts.add(new Part(Kind.LORE, tellable));
            }
        }
        if (!brief.facts().isEmpty()) {
            parts.add(Part.of(Kind.FACT));
        }
        if (ambient && !ambientFirst) {
            parts.add(Part.of(Kind.AMBIENT));
        }
        if (parts.size() < 3 || random.nextDouble() < HOOK) {
            parts.add(Part.of(Kind.HOOK));
        }
        return new BeatPlan(List.copyOf(parts));
    }
}
