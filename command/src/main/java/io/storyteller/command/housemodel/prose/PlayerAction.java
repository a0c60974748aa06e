package io.storyteller.command.housemodel.prose;

/**
 * A player's action read as a clause: who does what to what.
 *
 * @param subject     "you" when the player acts ("I open", "open", "we open"), else the named actor ("Mira")
 * @param modal       a modal verb the player used ("will", "cannot"), or null
 * @param preModifier an adverb the player put before the verb ("quickly"), or null
 * @param verb        the verb's base form, or null when the action could not be read as a clause
 * @param complement  what follows the verb, made to fit the narrator's person ("my lamp" → "your lamp")
 * @param quote       words the actor speaks, or null
 */
record PlayerAction(String subject, String modal, String preModifier, String verb, String complement, String quote) {

    static final String YOU = "you";

    static PlayerAction unread() {
        return new PlayerAction(YOU, null, null, null, "", null);
    }

    boolean secondPerson() {
        return YOU.equals(subject);
    }

    boolean understood() {
        return verb != null;
    }

    /** The actor at the start of a sentence. */
    String subjectCapitalised() {
        return Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
    }

    /** The words of the action, for telling which lore and sentences it is about. */
    String words() {
        return String.join(" ", verb == null ? "" : verb, complement, quote == null ? "" : quote);
    }
}
