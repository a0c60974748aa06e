package io.storyteller.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.story.SubmitPlayerAction;
import io.storyteller.domain.world.AddLoreEntry;
import io.storyteller.domain.world.LoreContent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputHygieneTest {

    private static final Actor PLAYER = new Actor("pia", java.util.Set.of(PlatformRole.PLAYER));

    private static Violation violationOf(Object message) {
        try {
            InputHygiene.check(message);
        } catch (DomainRejection rejection) {
            return rejection.violation();
        }
        throw new AssertionError("expected a DomainRejection");
    }

    @Test
    void aWellFormedMessagePasses() {
        assertThatCode(() -> InputHygiene.check(new SubmitPlayerAction("s1", "b1", "I open the door \uD83D\uDEAA", PLAYER)))
                .doesNotThrowAnyException();
    }

    @Test
    void aNulInATextIsRefusedNamingTheComponent() {
        assertThat(violationOf(new SubmitPlayerAction("s1", "b1", "I open\u0000 the door", PLAYER)))
                .extracting(Violation::field, Violation::rule).containsExactly("text", "no-control-characters");
    }

    @Test
    void anIdComponentMustBeShapedLikeAnId() {
        assertThat(violationOf(new SubmitPlayerAction("s\u0000", "b1", "look", PLAYER)))
                .extracting(Violation::field, Violation::rule).containsExactly("storyId", "id-shape");
        assertThat(violationOf(new SubmitPlayerAction("s1", "{a=1}", "look", PLAYER)))
                .extracting(Violation::field, Violation::rule).containsExactly("actionBeatId", "id-shape");
    }

    @Test
    void aBlankIdIsLeftToTheHandler() {
        assertThatCode(() -> InputHygiene.check(new SubmitPlayerAction(" ", "b1", "look", PLAYER)))
                .doesNotThrowAnyException();
    }

    @Test
    void nestedRecordsAndListsAreWalked() {
        LoreContent content = new LoreContent("The Watch", List.of("watch", "cal\uDC00dera"), "Soldiers.", "factions", 0, false);
        assertThat(violationOf(new AddLoreEntry("w1", "l1", content, PLAYER)))
                .extracting(Violation::field, Violation::rule).containsExactly("content.triggerKeys[1]", "valid-unicode");
    }

    @Test
    void mapsAreWalked() {
        record Tagged(Map<String, String> tags) {
        }
        assertThat(violationOf(new Tagged(Map.of("k", "v\uFFFF"))))
                .extracting(Violation::field, Violation::rule).containsExactly("tags[k]", "no-noncharacters");
    }

    @Test
    void somethingThatIsNoRecordIsLeftAlone() {
        assertThatCode(() -> InputHygiene.check("plain \u0000 string payloads are not client input"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> InputHygiene.check(new SubmitPlayerAction("s1", "b1", "\uD800", PLAYER)))
                .isInstanceOf(DomainRejection.class);
    }
}
