package io.storyteller.command.housemodel.prose;

import java.util.ArrayList;
import java.util.List;

/**
 * The sentence that answers the action: the actor doing what the player wrote, realised by the
 * grammar in the present tense, in several manners for the model to choose from. An action that
 * could not be read is answered without echoing it.
 */
final class ActionSentences {

    private static final List<String> MANNERS = List.of("Slowly,", "Carefully,", "Without a word,",
            "With a steady hand,", "Quietly,", "Without hesitation,", "At last,", "For a moment,", "Deliberately,");

    private static final List<String> UNREAD = List.of("You make your move.", "You act without hesitation.",
            "You do what you set out to do.", "You follow your own plan.", "You take your chance.");

    private ActionSentences() {
    }

    static List<String> candidates(PlayerAction action, EnglishGrammar grammar) {
        if (!action.understood()) {
            return UNREAD;
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(realise(action, grammar, null));
        // "Slowly, you are ready" reads wrong: a state takes no manner.
        if (action.modal() == null && action.preModifier() == null && !action.verb().equals("be")) {
            for (String manner : MANNERS) {
                sentences.add(realise(action, grammar, manner));
            }
        }
        return sentences;
    }

    private static String realise(PlayerAction action, EnglishGrammar grammar, String manner) {
        String sentence = grammar.clause(action.subject(), false, action.modal(), action.preModifier(),
                action.verb(), action.complement(), manner);
        if (action.quote() == null) {
            return sentence;
        }
        // "You say." becomes "You say, "Where is the ship?"": the words are the player's own.
        return sentence.substring(0, sentence.length() - 1) + ", \"" + action.quote() + "\"";
    }
}
