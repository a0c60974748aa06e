package io.storyteller.command.housemodel.prose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActionReaderTest {

    private final ActionReader reader = new ActionReader(EnglishGrammar.shared());

    @Test
    void theFirstPersonBecomesTheNarratorsSecondPerson() {
        PlayerAction action = reader.read("I open my chest and take the map");

        assertThat(action.subject()).isEqualTo("you");
        assertThat(action.verb()).isEqualTo("open");
        assertThat(action.complement()).isEqualTo("your chest and take the map");
    }

    @Test
    void anImperativeOrWeIsThePlayerToo() {
        assertThat(reader.read("Look at the sea.")).extracting(PlayerAction::subject, PlayerAction::verb, PlayerAction::complement)
                .containsExactly("you", "look", "at the sea");
        assertThat(reader.read("We walk along the docks")).extracting(PlayerAction::subject, PlayerAction::complement)
                .containsExactly("you", "along the docks");
        assertThat(reader.read("quietly open the door")).extracting(PlayerAction::preModifier, PlayerAction::verb)
                .containsExactly("quietly", "open");
    }

    @Test
    void aNamedActorKeepsTheName() {
        assertThat(reader.read("Ysolde Marr lights the beacon")).extracting(PlayerAction::subject, PlayerAction::verb)
                .containsExactly("Ysolde Marr", "light");
        assertThat(reader.read("Mira trims the wick")).extracting(PlayerAction::subject, PlayerAction::verb)
                .containsExactly("Mira", "trim");
    }

    @Test
    void modalsContractionsAndSpeechAreKept() {
        assertThat(reader.read("I'll wait for the tide")).extracting(PlayerAction::modal, PlayerAction::verb)
                .containsExactly("will", "wait");
        assertThat(reader.read("I'm ready")).extracting(PlayerAction::verb, PlayerAction::complement)
                .containsExactly("be", "ready");
        PlayerAction speech = reader.read("I ask \"where is the ship\"");
        assertThat(speech.verb()).isEqualTo("ask");
        assertThat(speech.quote()).isEqualTo("Where is the ship.");
    }

    @Test
    void onlyTheFirstClauseIsEchoedAndALongOneIsCutBeforeAPreposition() {
        assertThat(reader.read("I pick up the rope, then climb down").complement()).isEqualTo("up the rope");
        assertThat(reader.read("I search the harbour for silver coins hidden by the smugglers under the old pier near the tower")
                .complement()).isEqualTo("the harbour");
        assertThat(reader.read("I open door").complement()).isEqualTo("the door");
    }

    @Test
    void whatIsNoClauseIsNotEchoed() {
        assertThat(reader.read("zzz qqq").understood()).isFalse();
        assertThat(reader.read("north").understood()).isFalse();
        assertThat(reader.read("<b>!!!</b>").understood()).isFalse();
        assertThat(reader.read(null).understood()).isFalse();
    }
}
