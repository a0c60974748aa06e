package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time moves forward only as far as the story says. The time of day and the season last told are
 * facts; a candidate set at a time of day two steps away (dawn, then midnight), or in another
 * season, contradicts them unless time was seen to pass (a wait, a sleep, "hours later", "by the end
 * of summer") or the other time belongs to a memory, a diary or a dream.
 */
final class TimeRule implements ContinuityRule {

    /** Times of day around the clock: neighbours may follow each other unannounced, others may not. */
    private static final Map<String, Pattern> DAY = new LinkedHashMap<>();
    private static final Map<String, Pattern> SEASONS = new LinkedHashMap<>();

    static {
        DAY.put("dawn", Prose.anyOf("dawn", "sunrise", "daybreak", "first light", "first pale light"));
        DAY.put("morning", Prose.anyOf("morning", "breakfast"));
        DAY.put("noon", Prose.anyOf("noon", "midday", "high sun"));
        DAY.put("afternoon", Prose.anyOf("afternoon"));
        DAY.put("dusk", Prose.anyOf("dusk", "sunset", "twilight", "evening", "nightfall"));
        DAY.put("night", Prose.anyOf("night", "midnight", "moonlit", "moonlight", "stars"));
        SEASONS.put("spring", Prose.anyOf("spring", "springtime", "april"));
        SEASONS.put("summer", Prose.anyOf("summer", "midsummer", "june", "july", "august"));
        SEASONS.put("autumn", Prose.anyOf("autumn", "september", "october", "november"));
        SEASONS.put("winter", Prose.anyOf("winter", "midwinter", "december", "january", "february", "snow"));
    }

    private static final Pattern PASSING = Prose.anyOf("later", "hours?", "days?", "weeks?", "months?", "years?",
            "next", "following", "wait\\w*", "sleep\\w*", "slept", "wakes?", "woke", "waking", "until", "through the",
            "by the end of", "all day", "all night", "time passes", "sleeps", "dozes?", "season");
    private static final Pattern ELSEWHEN = Prose.anyOf("diary", "remember\\w*", "memor\\w+", "dream\\w*", "ago",
            "letter", "entry", "recall\\w*", "once", "used to", "painting", "photograph", "story of", "tale",
            "last year", "every year", "night of");

    /** A time planned or awaited ("ready to sail at dawn", "until morning") is not the time of the scene. */
    private static final Pattern AHEAD = Pattern.compile("(?i)(?:\\buntil|\\btill|\\bby|\\bbefore|\\btomorrow|\\bnext|"
            + "\\bwait for|\\bto \\w+(?: \\w+)? (?:at|by|in the)|\\bwill \\w+(?: \\w+)? (?:at|by|in the))\\s+(?:the\\s+)?$");
    private static final int AHEAD_REACH = 30;

    @Override
    public ContinuityKind kind() {
        return ContinuityKind.TIME;
    }

    @Override
    public List<Fact> extract(Telling telling) {
        List<Fact> facts = new ArrayList<>();
        if (telling.lore() || Prose.has(telling.text(), ELSEWHEN)) {
            return facts;
        }
        latest(DAY, telling.text()).ifPresent(t -> facts.add(telling.fact(kind(), "the scene", "time of day", t, telling.text())));
        latest(SEASONS, telling.text()).ifPresent(t -> facts.add(telling.fact(kind(), "the scene", "season", t, telling.text())));
        return facts;
    }

    @Override
    public List<Breach> check(Scene scene) {
        List<Breach> found = new ArrayList<>();
        for (Fact fact : scene.facts(kind())) {
            boolean ofDay = fact.attribute().equals("time of day");
            if (Prose.has(scene.storyAfter(fact.sinceBeat()), PASSING) || Prose.has(scene.candidate(), PASSING)) {
                continue;
            }
            for (String sentence : scene.candidateSentences()) {
                if (Prose.has(sentence, ELSEWHEN)) {
                    continue;
                }
                var told = latest(ofDay ? DAY : SEASONS, sentence);
                if (told.isPresent() && !compatible(ofDay, fact.value(), told.get())) {
                    found.add(new Breach(kind(), fact, sentence, "It was " + fact.value() + " ("
                            + DeathRule.where(fact) + ") and no time has passed since, yet the candidate is set at "
                            + told.get() + "."));
                    break;
                }
            }
        }
        return found;
    }

    private static boolean compatible(boolean ofDay, String was, String now) {
        if (!ofDay) {
            return was.equals(now);
        }
        List<String> clock = List.copyOf(DAY.keySet());
        // Unannounced, time only moves on to the next part of the day, never back.
        int forward = Math.floorMod(clock.indexOf(now) - clock.indexOf(was), clock.size());
        return forward <= 1;
    }

    private static java.util.Optional<String> latest(Map<String, Pattern> times, String text) {
        String latest = null;
        int at = -1;
        for (var time : times.entrySet()) {
            Matcher m = time.getValue().matcher(text);
            while (m.find()) {
                if (m.start() > at && !AHEAD.matcher(text.substring(Math.max(0, m.start() - AHEAD_REACH), m.start())).find()) {
                    at = m.start();
                    latest = time.getKey();
                }
            }
        }
        return java.util.Optional.ofNullable(latest);
    }
}
