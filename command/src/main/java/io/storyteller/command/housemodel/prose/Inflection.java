package io.storyteller.command.housemodel.prose;

/** Regular English verb endings, for verbs the lexicon does not list ("trims" → "trim"). */
final class Inflection {

    private Inflection() {
    }

    /** Whether the word looks like a regular third-person singular verb form. */
    static boolean isThirdPerson(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
                && !word.endsWith("is") && word.chars().allMatch(Character::isLetter);
    }

    /** The base form of a regular third-person singular form; a base form stays as it is. */
    static String base(String word) {
        if (!isThirdPerson(word)) {
            return word;
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.matches(".*(ch|sh|ss|x|z|o)es$")) {
            return word.substring(0, word.length() - 2);
        }
        return word.substring(0, word.length() - 1);
    }
}
