package io.storyteller.command.narration.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KeyMentionsTest {

    @Test
    void aKeyIsMentionedAsAWholeWordInAnyCase() {
        KeyMentions mentions = new KeyMentions();

        assertThat(mentions.mentions("Ash", "The ASH falls on the harbour.")).isTrue();
        assertThat(mentions.mentions("Ash", "Grey ashes drift over the pier.")).isFalse();
        assertThat(mentions.mentions("salt merchant", "You meet a Salt Merchant by the quay.")).isTrue();
        assertThat(mentions.mentions("Ærøskøbing", "ships from ÆRØSKØBING dock at dawn")).isTrue();
    }

    /** The fold only skips the pattern where it could not match: the answers are the pattern's own. */
    @Test
    void itAnswersAsTheWholeWordPatternDoesWhereCaseFoldingIsUnusual() {
        List<String> keys = List.of("σοφία", "Σοφίας", "İzmir", "izmir", "straße", "STRASSE", "ǅemal", "ﬁre", "Ash", "_tag",
                "k", "Kelvin", "𐐨𐐯", "𐐀𐐇");
        List<String> texts = List.of("ΣΟΦΊΑ spoke", "της σοφίας", "to IZMIR", "to İzmir and back", "die Straße",
                "DIE STRASSE", "ǄEMAL and ǆemal", "the fire and the ﬁre", "_tag_ and _TAG", "\u212Aelvin",
                "K", "𐐀𐐇 words", "𐐨𐐯!", "nothing here");
        KeyMentions mentions = new KeyMentions();
        for (String key : keys) {
            Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(key) + "(?![\\p{L}\\p{N}_])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            for (String text : texts) {
                assertThat(mentions.mentions(key, text)).as("%s in %s", key, text).isEqualTo(pattern.matcher(text).find());
            }
        }
    }
}
