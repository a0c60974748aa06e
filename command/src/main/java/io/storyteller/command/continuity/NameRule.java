package io.storyteller.command.continuity;

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

    private static final Pattern TITLED = Pattern.compile("\\b(" + String.join("|", Prose.TITLES.stream()
            .filter(t -> !t.equals("Old") && !t.endsWith(".")).map(Pattern::quote).toList()) + ")\\.?\\s+((?:[A-Z][\\w'-]+\\s?)+)");
    private static final Pattern ROLE_NAME = Pattern.compile(
            "(?i:the\\s+)(?:[a-z]+\\s+){0,2}?([a-z]+),\\s+([A-Z][\\w'-]+)(?=[,.;:!?\\s])");
    private static final Pattern ROLE_NAMED = Pattern.compile(
            "(?i:the\\s+)(?:[a-z]+\\s+){0,2}?([a-z]+)\\b[^.;]*?\\b(?:named|called|is)\\s+(?:an?\\s+[a-z ]+?\\s+named\\s+)?([A-Z][\\w'-]+)");
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
        Set<String> known = knownWords(scene.told());
        List<Breach> found = new ArrayList<>();
        for (String sentence : scene.candidateSentences()) {
            Matcher titled = TITLED.matcher(sentence);
            while (titled.find()) {
                String name = titled.group(2).trim().replaceAll("['’]s$", "");
                if (isNew(name, known) && !INTRODUCED.matcher(sentence.substring(titled.end())).find()) {
                    holder(scene, titled.group(1) + " ").ifPresent(f -> found.add(new Breach(kind(), f, sentence,
                            "The " + titled.group(1) + " here is " + f.value() + ", but the candidate calls them "
                                    + titled.group(1) + " " + name + ".")));
                }
            }
            Matcher role = ROLE_NAME.matcher(sentence);
            while (role.find()) {
                String name = role.group(2);
                String rest = sentence.substring(role.end());
                if (isNew(name, known) && !INTRODUCED.matcher(rest).find()) {
                    String entity = "the " + Prose.lower(role.group(1));
                    scene.facts(kind()).stream().filter(f -> f.entity().equals(entity)).reduce((a, b) -> b)
                            .ifPresent(f -> found.add(new Breach(kind(), f, sentence, "The " + role.group(1)
                                    + " is " + f.value() + ", but the candidate names them " + name + ".")));
                }
            }
        }
        return found;
    }

    private static java.util.Optional<Fact> holder(Scene scene, String titlePrefix) {
        return scene.facts(ContinuityKind.NAME).stream().filter(f -> f.entity().startsWith(titlePrefix)).reduce((a, b) -> b);
    }

    private static boolean isNew(String name, Set<String> known) {
        return Prose.words(name).stream().map(w -> w.replaceAll("'s$", "")).noneMatch(known::contains);
    }

    /** Every capitalised word told before, lower-cased: the names the reader has met. */
    private static Set<String> knownWords(String told) {
        Set<String> words = new HashSet<>();
        Matcher m = Pattern.compile("\\b[A-Z][\\w'-]+").matcher(told);
        while (m.find()) {
            words.add(Prose.lower(m.group().replaceAll("'s$", "")));
        }
        return words;
    }
}
