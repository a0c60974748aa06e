package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts change only for a told reason. A count ("three guards") is a fact; the numbers told after
 * it may add to it or take from it ("two more riders", "I eat two"), so a candidate's count of the
 * same thing must be reachable from it. A smaller count is a part ("two snares hold rabbits") unless
 * the candidate says it is the whole ("all five", "seven remain", "the third drone").
 */
final class CountRule implements ContinuityRule {

    private static final Pattern COUNTED = Pattern.compile("(?i)\\b(all\\s+)?(\\d{1,4}|" + String.join("|", Numbers.CARDINALS.keySet())
            + "|" + String.join("|", Numbers.ORDINALS.keySet()) + ")((?:\\s+[a-z][\\w'-]*){1,3})");
    /** Numbers of these measure time, distance or money, not things that are there. */
    private static final Set<String> NOT_COUNTS = Set.of("day", "year", "hour", "minute", "second", "week", "month",
            "mile", "time", "night", "morning", "step", "pace", "story", "storie", "floor", "foot", "feet", "inch",
            "yard", "league", "season", "century", "decade", "ring", "trip", "shot", "o'clock", "gold", "silver");
    private static final Set<String> FUNCTION_WORDS = Set.of("of", "in", "at", "more", "to", "and", "the", "a", "on",
            "with", "by", "for", "who", "that", "left", "remain", "aboard", "others", "other", "is", "are", "were", "was");
    private static final Set<String> NOT_DELTAS = Set.of("both", "all", "pair", "lone", "single");
    private static final Pattern WHOLE = Prose.anyOf("all", "remains?", "left", "only", "still", "total", "in all",
            "now", "waiting with you", "with you");
    private static final Pattern EVENTS = Prose.anyOf("carried away", "captured", "killed", "died", "fled", "taken",
            "joins?", "joined", "arrives?", "arrived", "lost", "leaves?", "left");
    private static final Pattern REMAINDER = Pattern.compile("(?i)\\b(?:leaving\\s+(?:you\\s+)?(?:with\\s+)?(?:the\\s+)?(\\w+)"
            + "|(\\w+)\\s+(?:who\\s+|that\\s+)?remain|(\\w+)\\s+(?:are\\s+)?left\\b)");

    @Override
    public ContinuityKind kind() {
        return ContinuityKind.COUNT;
    }

    @Override
    public List<Fact> extract(Telling telling) {
        List<Fact> facts = new ArrayList<>();
        for (String sentence : Prose.sentences(telling.text())) {
            Matcher m = COUNTED.matcher(sentence);
            while (m.find()) {
                Integer n = Numbers.cardinal(m.group(2));
                String noun = head(m.group(3));
                if (n != null && n > 1 && noun != null && !NOT_COUNTS.contains(noun)) {
                    // Each count keeps its beat: a later number may be a part or a change, not a new total.
                    facts.add(telling.fact(kind(), noun, "count at beat " + telling.beat(), Integer.toString(n), sentence));
                }
            }
            Matcher rest = REMAINDER.matcher(sentence);
            while (rest.find()) {
                String word = rest.group(1) != null ? rest.group(1) : rest.group(2) != null ? rest.group(2) : rest.group(3);
                Integer n = Numbers.cardinal(word);
                if (n != null) {
                    facts.add(telling.fact(kind(), "those remaining", "count", Integer.toString(n), sentence));
                }
            }
        }
        return facts;
    }

    @Override
    public List<Breach> check(Scene scene) {
        List<Breach> found = new ArrayList<>();
        for (String sentence : scene.candidateSentences()) {
            Matcher m = COUNTED.matcher(sentence);
            while (m.find()) {
                String noun = head(m.group(3));
                Integer ordinal = Numbers.ORDINALS.get(Prose.lower(m.group(2)));
                Integer n = ordinal != null ? ordinal : Numbers.cardinal(m.group(2));
                if (n == null || noun == null || NOT_COUNTS.contains(noun)) {
                    continue;
                }
                List<Fact> counts = scene.facts(kind()).stream().filter(f -> same(f.entity(), noun)).toList();
                boolean whole = m.group(1) != null || Prose.has(sentence, WHOLE);
                if (counts.isEmpty()) {
                    remainder(scene, sentence, n, whole).ifPresent(found::add);
                    continue;
                }
                Fact base = counts.getFirst();
                Set<Integer> reachable = reachable(scene, base, counts);
                int most = reachable.stream().max(Integer::compare).orElse(0);
                boolean wrong = ordinal != null ? n > most : n > most || (whole && !reachable.contains(n));
                if (wrong) {
                    found.add(new Breach(kind(), base, sentence, "The story counts " + base.value() + " "
                            + base.entity() + " (" + DeathRule.where(base) + ") and tells of nothing that makes "
                            + (ordinal != null ? "a " + m.group(2) : n) + "."));
                }
            }
        }
        return found;
    }

    private java.util.Optional<Breach> remainder(Scene scene, String sentence, int n, boolean whole) {
        if (!whole) {
            return java.util.Optional.empty();
        }
        return scene.facts(kind()).stream().filter(f -> f.entity().equals("those remaining")).reduce((a, b) -> b)
                .filter(f -> Integer.parseInt(f.value()) != n)
                .map(f -> new Breach(kind(), f, sentence, "The story leaves " + f.value() + " remaining ("
                        + DeathRule.where(f) + "), not " + n + "."));
    }

    /** Every count the base can become with the numbers told after it, each added, taken or ignored. */
    private static Set<Integer> reachable(Scene scene, Fact base, List<Fact> restated) {
        List<Integer> deltas = new ArrayList<>();
        String after = scene.storyAfter(base.sinceBeat());
        Matcher m = COUNTED.matcher(after);
        while (m.find() && deltas.size() < 10) {
            Integer n = Numbers.cardinal(m.group(2));
            String noun = head(m.group(3));
            if (n != null && !NOT_DELTAS.contains(Prose.lower(m.group(2))) && (noun == null || !NOT_COUNTS.contains(noun))) {
                deltas.add(n);
            }
        }
        if (Prose.has(after, EVENTS)) {
            deltas.add(1);
        }
        Set<Integer> sums = new HashSet<>(Set.of(Integer.parseInt(base.value())));
        for (int delta : deltas) {
            Set<Integer> next = new HashSet<>(sums);
            sums.forEach(s -> {
                next.add(s + delta);
                next.add(s - delta);
            });
            sums = next;
        }
        restated.stream().map(f -> Integer.parseInt(f.value())).forEach(sums::add);
        return sums;
    }

    /** The counted noun among the words after a number: the first plural, else the first word. */
    private static String head(String following) {
        List<String> words = List.of(Prose.lower(following).trim().split("\\s+"));
        for (String word : words) {
            if (FUNCTION_WORDS.contains(word)) {
                break;
            }
            if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("'s")) {
                return Prose.singular(word);
            }
        }
        return FUNCTION_WORDS.contains(words.getFirst()) ? null : Prose.singular(words.getFirst());
    }

    private static boolean same(String counted, String noun) {
        return counted.equals(noun) || List.of(counted.split("-")).contains(noun) || List.of(noun.split("-")).contains(counted);
    }
}
