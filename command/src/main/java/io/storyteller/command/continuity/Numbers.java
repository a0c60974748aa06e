package io.storyteller.command.continuity;

import java.util.Map;

/** English number words as the counts of a story are written ("a dozen", "seventeen", "third"). */
final class Numbers {

    static final Map<String, Integer> CARDINALS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("hundred", 100), Map.entry("dozen", 12), Map.entry("both", 2),
            Map.entry("pair", 2), Map.entry("lone", 1), Map.entry("single", 1));
    static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("second", 2), Map.entry("third", 3),
            Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7),
            Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10));

    private Numbers() {
    }

    /** The number a word writes, or null; digits count too. */
    static Integer cardinal(String word) {
        String w = Prose.lower(word);
        if (w.matches("\\d{1,4}")) {
            return Integer.parseInt(w);
        }
        return CARDINALS.get(w);
    }
}
