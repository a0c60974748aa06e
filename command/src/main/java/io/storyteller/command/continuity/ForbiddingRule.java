package io.storyteller.command.continuity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lore clause that forbids, read once: when it applies ({@code condition}), whom it binds
 * ({@code subject}; empty when it binds anyone: "no one", "whoever", "travellers"), the acts it
 * forbids (each alternative of "throw fire, raise the dead or fly" on its own) and its exception.
 * "Never" forbids only as a predicate ("strangers never whistle after dark"), not inside a relative
 * clause ("a crewman who never sleeps") nor before a non-verb ("never for coin"). A rule of conduct
 * ("may not", "must not", "never") can be broken by a player who chooses to; an inability ("cannot",
 * "no one can", "powerless") cannot be.
 */
record ForbiddingRule(Set<String> condition, Set<String> subject, List<Set<String>> acts, String exception, boolean conduct) {

    /** Kept and shared between threads once read, so nothing in it may change. */
    ForbiddingRule {
        condition = Set.copyOf(condition);
        subject = Set.copyOf(subject);
        acts = acts.stream().map(Set::copyOf).toList();
    }

    static final Pattern MARKER = Pattern.compile("(?i)\\b(?:cannot|can't|can never|may never|must never|may not|must not|"
            + "never|forbids? \\w+ from (?:ever )?|is powerless|are powerless|are jammed|is jammed|can only|"
            + "(?:nobody|no one|none)(?: \\w+)? (?:can|may|could)|no \\w+ (?:will|can|may|could|ever)|will not|won't|will never)\\b");
    /** "no fire will burn": the thing named between "no" and the modal is whom the rule binds. */
    private static final Pattern NO_THING = Pattern.compile("(?i)^no (\\w+) ");
    private static final Pattern EXCEPT = Pattern.compile("(?i)\\b(?:except|unless|save when|but on)\\b");
    private static final Pattern RELATIVE = Pattern.compile("(?i)\\b(?:who|which|whose)\\b[^;]*$|\\bthat\\b[^,;]*$");
    /** What a rule of conduct forbids, a player may still choose to do; an ability that is missing stays missing. */
    private static final Pattern CONDUCT = Pattern.compile("(?i)^(?:may not|must not|may never|must never|never)$");
    private static final Pattern NOT_A_VERB = Pattern.compile("(?i)^\\s+(?:for|in|at|on|to|the|a|an|of|with|from|once|again|more|less)\\b");
    /** Markers that say what a subject is (powerless, jammed): the subject is the condition, the marker the act. */
    private static final Pattern STATE = Pattern.compile("(?i)powerless|jammed");
    private static final Pattern FORBIDS_FROM = Pattern.compile("(?i)^forbids?");
    private static final Pattern UNIVERSAL = Prose.anyOf("no one", "nobody", "none", "anyone", "anybody", "whoever",
            "everyone", "every\\w*", "all", "travell?ers?", "strangers?", "visitors?", "outsiders?", "mortals?", "people",
            "you", "guests?", "living");
    private static final Pattern SUBJECT_START = Pattern.compile(
            "(?i).*(?:,|;|\\band\\b|\\bso\\b|\\bwhen\\b|\\bwhile\\b|\\bbecause\\b|\\bas long as\\b|\\bthat\\b)\\s*");
    /** "a ledger that no outsider may read": the ledger is what may not be read. */
    private static final Pattern ANTECEDENT = Pattern.compile("(?i)\\b(\\w+)\\s+(?:that|which)\\s+$");
    private static final Pattern HEAD_END = Pattern.compile("(?i)\\b(?:of|in|at|on|who|that|which)\\b");
    private static final Pattern ALTERNATIVES = Pattern.compile(",\\s*(?:or\\s+|and\\s+)?|\\s+or\\s+");
    private static final Set<String> FILLER = Set.of("the", "a", "an", "of", "in", "on", "to", "and", "or", "by", "it",
            "there", "their", "they", "them", "any", "anything", "anyone", "all", "be", "is", "are", "was", "who",
            "whoever", "when", "that", "from", "for", "with", "ever", "her", "his", "him", "she", "he", "its", "one",
            "first", "must", "about", "six", "hour", "hours", "only", "can", "no", "nobody", "not", "have", "has", "may",
            "never", "cannot", "could", "will", "would", "should", "been", "being", "were", "into", "than", "this", "these");
    private static final Map<String, ForbiddingRule> READ = new ConcurrentHashMap<>();
    private static final Cache<String, Set<String>> KEPT_STEMS = Caffeine.newBuilder().maximumSize(20_000).build();
    private static final int READ_KEPT = 20_000;

    /** Whether the clause forbids anything: a marker that is not a relative clause's description. */
    static boolean forbids(String clause) {
        return marker(clause) != null;
    }

    /** The clause read once and kept: the same lore is checked against every candidate of every turn. */
    static ForbiddingRule of(String clause, String topic) {
        String key = topic + "|" + clause;
        ForbiddingRule rule = READ.get(key);
        if (rule == null) {
            if (READ.size() > READ_KEPT) {
                READ.clear();
            }
            rule = read(clause, topic);
            READ.put(key, rule);
        }
        return rule;
    }

    private static Matcher marker(String clause) {
        Matcher m = MARKER.matcher(clause);
        while (m.find()) {
            boolean bareNever = m.group().equalsIgnoreCase("never");
            if (!bareNever || (!RELATIVE.matcher(clause.substring(0, m.start())).find()
                    && !NOT_A_VERB.matcher(clause.substring(m.end())).find())) {
                return m;
            }
        }
        return null;
    }

    private static ForbiddingRule read(String clause, String topic) {
        Matcher except = EXCEPT.matcher(clause);
        boolean excepted = except.find();
        String body = excepted ? clause.substring(0, except.start()) : clause;
        String exception = excepted ? clause.substring(except.end()) : "";
        Matcher marker = marker(body);
        if (marker == null) {
            return new ForbiddingRule(Set.of(), Set.of(), List.of(), exception, false);
        }
        String before = body.substring(0, marker.start());
        if (STATE.matcher(marker.group()).find()) {
            return new ForbiddingRule(stems(before), Set.of(), List.of(stems(marker.group())), exception, false);
        }
        List<Set<String>> acts = new ArrayList<>();
        Matcher antecedent = ANTECEDENT.matcher(before);
        Set<String> object = antecedent.find() ? stems(antecedent.group(1)) : Set.of();
        for (String alternative : ALTERNATIVES.split(body.substring(marker.end()))) {
            Set<String> act = stems(alternative);
            act.addAll(object);
            if (!act.isEmpty()) {
                acts.add(act);
            }
        }
        if (acts.isEmpty()) {
            acts.add(stems(topic));
        }
        Set<String> condition = stems(before);
        acts.forEach(condition::removeAll);
        Matcher thing = NO_THING.matcher(marker.group());
        if (thing.find() && !Prose.has(thing.group(1), UNIVERSAL)) {
            return new ForbiddingRule(condition, stems(thing.group(1)), List.copyOf(acts), exception, false);
        }
        boolean bindsAnyone = FORBIDS_FROM.matcher(marker.group()).find() || Prose.has(marker.group(), UNIVERSAL);
        return new ForbiddingRule(condition, bindsAnyone ? Set.of() : subject(before, topic), List.copyOf(acts), exception,
                CONDUCT.matcher(marker.group()).matches());
    }

    /** Whom the rule binds: the noun phrase before the marker, its head first ("Mages of the Violet Order": mage). */
    private static Set<String> subject(String before, String topic) {
        String phrase = SUBJECT_START.matcher(before).replaceFirst("");
        if (Prose.has(phrase, UNIVERSAL)) {
            return Set.of();
        }
        if (stems(phrase).isEmpty()) {
            return stems(topic);
        }
        String head = HEAD_END.split(phrase)[0];
        Set<String> stems = stems(head);
        return stems.isEmpty() ? stems(phrase) : stems;
    }

    /**
     * The stems of a text read once and kept: a story's lines and sentences are the same from one
     * check to the next (every candidate of a turn, and the turns after it), so each is stemmed once.
     */
    static Set<String> keptStems(String text) {
        return KEPT_STEMS.get(text, t -> Set.copyOf(stems(t)));
    }

    /** The stems of several texts together, each text's kept ({@link #keptStems}): a story is the union of its lines'. */
    static Set<String> keptStems(List<String> texts) {
        Set<String> all = new HashSet<>();
        texts.forEach(text -> all.addAll(keptStems(text)));
        return all;
    }

    static Set<String> stems(String text) {
        Set<String> stems = new HashSet<>();
        for (String word : Prose.words(text)) {
            if (!FILLER.contains(word) && word.length() > 2) {
                stems.add(Kinship.stem(word));
            }
        }
        return stems;
    }

    /**
     * How many of the ideas in {@code wanted} the text's stems hold, each by itself or a word of one
     * idea with it; words of one idea ("eat", "food") count once, so one "drink" is one hit, not two.
     */
    static int hits(Set<String> wanted, Set<String> textStems) {
        int hits = 0;
        for (Set<String> idea : ideas(wanted)) {
            if (idea.stream().anyMatch(textStems::contains)) {
                hits++;
            }
        }
        return hits;
    }

    /** How many ideas the stems name: what "most of an act" is counted against. */
    static int size(Set<String> stems) {
        return ideas(stems).size();
    }

    private static Set<Set<String>> ideas(Set<String> stems) {
        Set<Set<String>> ideas = new HashSet<>();
        stems.forEach(stem -> ideas.add(Kinship.widen(stem)));
        return ideas;
    }
}
