package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a sentence calls someone: "Jonah, her late husband's hired man", "her cousin Jonah",
 * "June is just a neighbour". Kin are read only with a possessive ("her girl", not "the girl at
 * the counter"); roles that deny kinship (a hired man, a lodger, a stranger) with any article.
 * Kin words fall in classes; a class agrees with itself and its converse (a son's mother).
 */
final class KinClaims {

    /** One claim: {@code name} is called {@code role}. */
    record Claim(String name, String role) {
    }

    private static final String KIN = "sisters?|brothers?|siblings?|half-(?:sister|brother)|twins?|sons?|daughters?|boys?|"
            + "girls?|lad|child|children|mother|father|mum|mom|ma|pa|dad|parents?|husband|wife|cousins?|uncle|aunt|"
            + "nephew|niece|grand\\w+";
    private static final String OUTSIDER = "hired (?:man|hand|girl)|farmhand|servant|maid|employee|apprentice|lodger|"
            + "boarder|neighbou?r|stranger|acquaintance|tenant";
    private static final String POSSESSIVE = "(?:her|his|their|my|your|our|[A-Z][\\w'-]+['’]s)";
    private static final String ANY_ARTICLE = "(?:her|his|their|my|your|our|the|a|an|[A-Z][\\w'-]+['’]s)";
    private static final String MODIFIERS = "(?:[a-z][\\w-]*\\s+){0,2}?(?:[\\w'-]+['’]s\\s+)?";
    private static final String NAME = "([A-Z][\\w'-]+)(?:\\s+[A-Z][\\w'-]+)?";
    private static final List<Pattern> CLAIMS = List.of(
            Pattern.compile(NAME + ",\\s+" + POSSESSIVE + "\\s+" + MODIFIERS + "(" + KIN + ")\\b"),
            Pattern.compile(NAME + ",\\s+" + ANY_ARTICLE + "\\s+" + MODIFIERS + "(" + OUTSIDER + ")\\b"),
            Pattern.compile(NAME + "\\s+(?:is|was|'s)\\s+(?:just\\s+|only\\s+|merely\\s+)?" + POSSESSIVE + "\\s+"
                    + MODIFIERS + "(" + KIN + ")\\b"),
            Pattern.compile(NAME + "\\s+(?:is|was|'s)\\s+(?:just\\s+|only\\s+|merely\\s+)?" + ANY_ARTICLE + "\\s+"
                    + MODIFIERS + "(" + OUTSIDER + ")\\b"));
    private static final List<Pattern> CLAIMS_ROLE_FIRST = List.of(
            Pattern.compile("\\b" + POSSESSIVE + "\\s+" + MODIFIERS + "(" + KIN + "|" + OUTSIDER + ")\\s*,?\\s+([A-Z][\\w'-]+)"));
    private static final Map<String, String> CONVERSE = Map.of("child", "parent", "parent", "child", "elder", "younger",
            "younger", "elder", "grand", "grand", "sibling", "sibling", "spouse", "spouse", "cousin", "cousin");

    private static final Pattern OUTSIDER_ROLE = Pattern.compile(OUTSIDER);
    private static final Pattern SIBLING_WORD = Pattern.compile("(?:half-)?(?:sisters?|brothers?|siblings?|twins?)");
    private static final Pattern CHILD_WORD = Pattern.compile("sons?|daughters?|boys?|girls?|lad|child|children");
    private static final Pattern PARENT_WORD = Pattern.compile("mother|father|mum|mom|ma|pa|dad|parents?");
    private static final Pattern SPOUSE_WORD = Pattern.compile("husband|wife");
    private static final Pattern COUSIN_WORD = Pattern.compile("cousins?");
    private static final Pattern ELDER_WORD = Pattern.compile("uncle|aunt");
    private static final Pattern YOUNGER_WORD = Pattern.compile("nephew|niece");

    private KinClaims() {
    }

    static List<Claim> of(String sentence) {
        List<Claim> claims = new ArrayList<>();
        for (Pattern pattern : CLAIMS) {
            Matcher m = pattern.matcher(sentence);
            while (m.find()) {
                claims.add(new Claim(m.group(1), Prose.lower(m.group(2))));
            }
        }
        for (Pattern pattern : CLAIMS_ROLE_FIRST) {
            Matcher m = pattern.matcher(sentence);
            while (m.find()) {
                claims.add(new Claim(m.group(2), Prose.lower(m.group(1))));
            }
        }
        return claims;
    }

    /** Whether calling one of a pair of kin {@code role} disagrees with their kinship {@code kin} ("sons", "sisters"). */
    static boolean disagrees(String kin, String role) {
        String known = kinClass(kin);
        String claimed = kinClass(role);
        if (known == null) {
            return false;
        }
        if (claimed == null) {
            return OUTSIDER_ROLE.matcher(role).matches();
        }
        return !claimed.equals(known) && !claimed.equals(CONVERSE.get(known));
    }

    private static String kinClass(String word) {
        String w = Prose.lower(word);
        if (SIBLING_WORD.matcher(w).matches()) {
            return "sibling";
        }
        if (CHILD_WORD.matcher(w).matches()) {
            return "child";
        }
        if (PARENT_WORD.matcher(w).matches()) {
            return "parent";
        }
        if (SPOUSE_WORD.matcher(w).matches()) {
            return "spouse";
        }
        if (COUSIN_WORD.matcher(w).matches()) {
            return "cousin";
        }
        if (ELDER_WORD.matcher(w).matches()) {
            return "elder";
        }
        if (YOUNGER_WORD.matcher(w).matches()) {
            return "younger";
        }
        return w.startsWith("grand") ? "grand" : null;
    }
}
