package io.storyteller.command.continuity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Small groups of words that name one idea, so that a lore rule about reaching the Net is broken
 * by a call that connects. Written by hand for narration; a word in several groups joins them all.
 */
final class Kinship {

    private static final List<Set<String>> GROUPS = List.of(
            Set.of("reach", "net", "call", "connect", "signal", "ring", "message", "comm", "phone", "wireless", "radio"),
            Set.of("leave", "gate", "exit", "escape", "road", "home", "depart"),
            Set.of("cross", "bank", "across", "ford", "far"),
            Set.of("magic", "spell", "spark", "conjure", "enchant", "sorcery", "power", "powerless", "glow", "rune"),
            Set.of("silence", "silenc", "gag", "mute", "muzzl", "tongue", "sound", "speak", "aloud", "voice"),
            Set.of("jump", "fold", "warp", "light-year", "hyperspace"),
            Set.of("eat", "drink", "food", "cordial", "wine", "bite", "taste", "sip"),
            Set.of("refus", "declin", "reject", "spurn"),
            Set.of("trade", "sell", "buy", "stall", "market", "merchant"),
            Set.of("fly", "flight", "wing", "soar", "airborne"),
            Set.of("lie", "lying", "deceiv", "untruth", "falsehood"),
            Set.of("enter", "inside", "within", "threshold", "step"),
            Set.of("kill", "slay", "murder", "harm", "wound", "strike"),
            Set.of("iron", "steel", "blade", "sword", "knife"),
            Set.of("sun", "sunlight", "daylight", "day"),
            Set.of("touch", "hand", "grasp", "hold"),
            Set.of("burn", "blaze", "flame", "kindle", "ignite", "crackle"));

    private static final Pattern SIBILANT_ES = Pattern.compile("(?:s|x|z|ch|sh)es$");

    private Kinship() {
    }

    /** Each group's words as stems, made once: widening runs for every word of every candidate. */
    private static final List<Set<String>> STEMMED = GROUPS.stream()
            .map(group -> Set.copyOf(group.stream().map(Kinship::stem).toList())).toList();

    /** The word's stem with every stem that shares a group with it. */
    static Set<String> widen(String word) {
        String stem = stem(word);
        Set<String> all = new HashSet<>(Set.of(stem));
        for (Set<String> group : STEMMED) {
            if (group.contains(stem)) {
                all.addAll(group);
            }
        }
        return all;
    }

    /** A light suffix stripper: enough for "connects", "signals", "silenced", "refusing", "sparks". */
    static String stem(String word) {
        String w = Prose.lower(word);
        if (w.endsWith("'s") || w.endsWith("’s")) {
            w = w.substring(0, w.length() - 2);
        }
        for (String suffix : List.of("ing", "ed", "es", "s")) {
            if (suffix.equals("es") && !SIBILANT_ES.matcher(w).find()) {
                continue; // "mages" is "mage" + s, "wishes" is "wish" + es
            }
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 3 && !w.endsWith("ss")) {
                w = w.substring(0, w.length() - suffix.length());
                break;
            }
        }
        return w.endsWith("e") && w.length() > 4 ? w.substring(0, w.length() - 1) : w;
    }
}
