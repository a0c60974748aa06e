package io.storyteller.command.continuity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Someone keeps their name. The facts are who holds a title ("Captain Blythe") and who fills a role
 * ("the keeper, Tobias"; "the keeper ... named Tobias Wren"). A candidate contradicts them when it
 * gives the same title or role a name never told before, without introducing a newcomer ("Brother
 * Aidan, a young novice"). Nicknames, aliases and married names are told in the lore or story, so
 * they are known names and pass.
 */
final class NameRule implements ContinuityRule {

    private static final Pattern CAPITALISED_WORD = Pattern.compile("\\b[A-Z][\\w'-]+");
    private static final Cache<String, Set<String>> KNOWN_WORDS = Caffeine.newBuilder().maximumSize(20_000).build();

    private static final Pattern TITLED = Pattern.compile("\\b(" + String.join("|", Prose.TITLES.stream()
            .filter(t -> !t.equals("Old") && !t.endsWith(".")).map(Pattern::quote).toList()) + ")\\.?\\s+((?:[A-Z][\\w'-]+\\s?)+)");
    private static final Pattern ROLE_NAME = Pattern.compile(
            "(?i:the\\s+)(?:[a-z]+\\s+){0,2}?([a-z]+),\\s+([A-Z][\\w'-]+)(?=[,.;:!?\\s])");
    private static final Pattern ROLE_NAMED = Pattern.compile(
            "(?i:the\\s+)(?:[a-z]+\\s+){0,2}?([a-z]+)\\b[^.;]*?\\b(?:named|called|is)\\s+(?:an?\\s+[a-z ]+?\\s+named\\s+)?([A-Z][\\w'-]+)");
    /** Forms a candidate names a role in: "the keeper, Silas", "Silas, the old keeper", "the keeper Silas". */
    private static final Pattern NAME_THEN_ROLE = Pattern.compile("\\b([A-Z][\\w'-]+),\\s+the\\s+((?:[a-z]+\\s+){0,2}[a-z]+)\\b");
    private static final Pattern ROLE_THEN_NAME = Pattern.compile(
            "(?i:\\bthe\\s+)((?:[a-z]+\\s+){0,2}?[a-z]+)(?:,|\\s+(?:named|called))?\\s+([A-Z][\\w'-]+)(?=[,.;:!?\\s])");
    /** "Tobias is the old keeper of the light": the role's last word before a preposition or the clause's end. */
    private static final Pattern NAME_IS_ROLE = Pattern.compile("\\b([A-Z][\\w'-]+)(?:\\s+[A-Z][\\w'-]+)?\\s+(?:is|was|works as|"
            + "serves as)\\s+the\\s+((?:[a-z]+\\s+){0,2}[a-z]+)(?=\\s+(?:of|on|at|in|for|here|there)\\b|[,.;:!?]|$)");
    private static final List<Pattern> ROLE_FORMS = List.of(NAME_THEN_ROLE, ROLE_THEN_NAME);
    private static final Pattern INTRODUCED = Pattern.compile("^\\s*,\\s+(?:a|an|one of)\\b|^\\s+(?:is|was)\\s+(?:a|an)\\b");
    private static final Set<String> NOT_ROLES = Set.of("door", "way", "road", "room", "time", "night", "day", "table");

    @Override
    public ContinuityKind kind() {
        return ContinuityKind.NAME;
    }

    @Override
    public List<Fact> extract(Telling telling) {
        List<Fact> facts = new ArrayList<>();
        for (String sentence : Prose.sentences(telling.text())) {
            Matcher titled = TITLED.matcher(sentence);
            while (titled.find()) {
                String name = titled.group(2).trim().replaceAll("['’]s$", "");
                facts.add(telling.fact(kind(), titled.group(1) + " " + Prose.callName(name), "name",
                        titled.group(1) + " " + name, sentence));
            }
            for (Pattern rolePattern : List.of(NAME_IS_ROLE, NAME_THEN_ROLE)) {
                Matcher role = rolePattern.matcher(sentence);
                while (role.find()) {
                    List<String> words = Prose.words(role.group(2));
                    String noun = words.getLast();
                    if (noun.length() > 3 && !NOT_ROLES.contains(noun) && !Prose.TITLES.contains(role.group(1))) {
                        facts.add(telling.fact(kind(), "the " + noun, "name", role.group(1), sentence));
                    }
                }
            }
            for (Pattern rolePattern : List.of(ROLE_NAME, ROLE_NAMED)) {
                Matcher role = rolePattern.matcher(sentence);
                while (role.find()) {
                    String noun = Prose.lower(role.group(1));
                    if (!NOT_ROLES.contains(noun) && !Prose.TITLES.contains(role.group(2))) {
                        facts.add(telling.fact(kind(), "the " + noun, "name", role.group(2), sentence));
                    }
                }
            }
        }
        return facts;
    }

    @Override
    public List<Breach> check(Scene scene) {
        List<Breach> found = new ArrayList<>();
        Set<String> known = null;
        for (String sentence : scene.candidateSentences()) {
            Matcher titled = TITLED.matcher(sentence);
            while (titled.find()) {
                String name = titled.group(2).trim().replaceAll("['’]s$", "");
                if (INTRODUCED.matcher(sentence.substring(titled.end())).find()) {
                    continue;
                }
                known = known == null ? knownWords(scene) : known;
                Fact holder = holder(scene, titled.group(1) + " ").orElse(null);
                if (holder != null && (isNew(name, known) || otherGivenName(name, holder, titled.group(1), known))) {
                    found.add(new Breach(kind(), holder, sentence, "The " + titled.group(1) + " here is " + holder.value()
                            + ", but the candidate calls them " + titled.group(1) + " " + name + "."));
                }
            }
            for (Pattern form : ROLE_FORMS) {
                Matcher role = form.matcher(sentence);
                while (role.find()) {
                    boolean nameFirst = form == NAME_THEN_ROLE;
                    String name = role.group(nameFirst ? 1 : 2);
                    String roleWords = role.group(nameFirst ? 2 : 1);
                    if (INTRODUCED.matcher(sentence.substring(role.end())).find()) {
                        continue;
                    }
                    known = known == null ? knownWords(scene) : known;
                    if (!isNew(name, known)) {
                        continue;
                    }
                    for (String noun : Prose.words(roleWords)) {
                        scene.facts(kind()).stream().filter(f -> f.entity().equals("the " + noun)).reduce((a, b) -> b)
                                .ifPresent(f -> found.add(new Breach(kind(), f, sentence, "The " + noun
                                        + " is " + f.value() + ", but the candidate names them " + name + ".")));
                    }
                }
            }
        }
        return found.stream().distinct().toList();
    }

    /** "Mr. Arthur Penrose" where the story's Mr. Penrose is Alfred: the family name is known, the given name is new. */
    private static boolean otherGivenName(String name, Fact holder, String title, Set<String> known) {
        String[] told = holder.value().substring(title.length()).trim().split(" ");
        String[] said = name.split(" ");
        return told.length >= 2 && said.length >= 2 && told[told.length - 1].equals(said[said.length - 1])
                && !told[0].equals(said[0]) && !known.contains(Prose.lower(said[0]));
    }

    private static java.util.Optional<Fact> holder(Scene scene, String titlePrefix) {
        return scene.facts(ContinuityKind.NAME).stream().filter(f -> f.entity().startsWith(titlePrefix)).reduce((a, b) -> b);
    }

    private static boolean isNew(String name, Set<String> known) {
        return Prose.words(name).stream().map(w -> w.replaceAll("'s$", "")).noneMatch(known::contains);
    }

    /**
     * The capitalised words the reader has been told (the lore in play and the story), lower-cased:
     * the union of each lore entry's and each line's, which are kept, since the same entries and
     * lines are told again to every candidate and the turns after.
     */
    private static Set<String> knownWords(Scene scene) {
        Set<String> words = new HashSet<>();
        scene.lore().forEach(entry -> words.addAll(keptKnownWords(entry)));
        scene.lines().forEach(line -> words.addAll(keptKnownWords(line.text())));
        return words;
    }

    private static Set<String> keptKnownWords(String text) {
        return KNOWN_WORDS.get(text, t -> {
            Set<String> words = new HashSet<>();
            Matcher m = CAPITALISED_WORD.matcher(t);
            while (m.find()) {
                words.add(Prose.lower(m.group().replaceAll("'s$", "")));
            }
            return Set.copyOf(words);
        });
    }
}
