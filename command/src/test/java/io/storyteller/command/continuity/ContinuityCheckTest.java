package io.storyteller.command.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine on stories written for these tests (not taken from the labelled set). */
class ContinuityCheckTest {

    private final ContinuityCheck check = new ContinuityCheck();

    private ContinuityVerdict verdict(List<String> lore, List<String> story, String candidate) {
        return check.check(lore, story.stream().map(StoryLine::parse).toList(), candidate);
    }

    @Test
    void theDeadDoNotActButMayBeRemembered() {
        List<String> story = List.of("Brother Wendel was killed by the wolves at the ford.", "> I ride on to the abbey.");
        ContinuityVerdict acting = verdict(List.of(), story, "Wendel waves from the abbey gate and calls your name.");
        assertThat(acting.contradictions()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ContinuityKind.DEATH);
            assertThat(c.fact().entity()).isEqualTo("Wendel");
            assertThat(c.evidence()).startsWith("Wendel waves");
        });
        assertThat(acting.factsUsed()).extracting(Fact::entity).contains("Wendel");
        assertThat(verdict(List.of(), story, "At the gate you remember how Wendel laughed.").consistent()).isTrue();
    }

    @Test
    void ghostsWalkOnlyWhereTheLoreHasThem() {
        List<String> story = List.of("Lady Orsolya died in the tower fire.", "> I climb the stairs at midnight.");
        String candidate = "Orsolya drifts down the stair, a pale ghost in a burned gown.";
        assertThat(verdict(List.of("The spirits of the Varga family linger as ghosts in their house."), story, candidate)
                .consistent()).isTrue();
    }

    @Test
    void aDestroyedPlaceMayAppearOnlyAsRuins() {
        List<String> story = List.of("The dragon's fire razed the Mill of Osk.", "> I walk to the Mill of Osk.");
        assertThat(verdict(List.of(), story, "The Mill of Osk is busy, its wheel turning and its yard full of carts.")
                .contradictions()).extracting(Breach::kind).containsExactly(ContinuityKind.DESTROYED_PLACE);
        assertThat(verdict(List.of(), story, "Only charred beams remain of the Mill of Osk.").consistent()).isTrue();
        assertThat(verdict(List.of("The Mill of Osk burned down last spring and was rebuilt in stone."),
                List.of("> I walk to the Mill of Osk."), "The Mill of Osk stands busy by the river.").consistent()).isTrue();
    }

    @Test
    void aTitledPersonKeepsTheirNameButNewcomersMayBeIntroduced() {
        List<String> story = List.of("Sergeant Brakka checks your papers.", "> I ask the sergeant about the curfew.");
        assertThat(verdict(List.of(), story, "Sergeant Molloy shrugs and says the curfew starts at ten.")
                .contradictions()).extracting(Breach::kind).containsExactly(ContinuityKind.NAME);
        assertThat(verdict(List.of(), story, "Sergeant Molloy, a young recruit, answers for her.").consistent()).isTrue();
    }

    @Test
    void whatWasGivenAwayCannotBeUsedUntilItComesBack() {
        List<String> given = List.of("> I give my compass to the ferryman.", "The ferryman pockets it.");
        assertThat(verdict(List.of(), given, "You check your compass and head north.").contradictions())
                .extracting(Breach::kind).containsExactly(ContinuityKind.POSSESSION);
        List<String> returned = List.of("> I give my compass to the ferryman.", "The ferryman hands you the compass back.");
        assertThat(verdict(List.of(), returned, "You check your compass and head north.").consistent()).isTrue();
    }

    @Test
    void countsChangeOnlyForAToldReason() {
        List<String> story = List.of("Five wolves circle the camp.", "> I throw a torch at them.");
        assertThat(verdict(List.of(), story, "All eight wolves flee into the dark.").contradictions())
                .extracting(Breach::kind).containsExactly(ContinuityKind.COUNT);
        List<String> joined = List.of("Five wolves circle the camp.", "Three more wolves slink out of the trees.");
        assertThat(verdict(List.of(), joined, "All eight wolves flee into the dark.").consistent()).isTrue();
    }

    @Test
    void timeOfDayMovesOnlyWhenTimePasses() {
        List<String> story = List.of("The sun has just risen; it is dawn over the harbour.", "> I walk to the quay.");
        assertThat(verdict(List.of(), story, "Under the midnight sky, the fishermen haul in their nets.").contradictions())
                .extracting(Breach::kind).containsExactly(ContinuityKind.TIME);
        assertThat(verdict(List.of(), List.of("It is dawn.", "> I sleep until the evening."),
                "At midnight the fishermen haul in their nets.").consistent()).isTrue();
    }

    @Test
    void kinDoNotBecomeStrangersExceptInALikeness() {
        List<String> lore = List.of("Petra and Ilse are sisters who share a bakery.");
        assertThat(verdict(lore, List.of("> I ask Petra about Ilse."), "'Ilse? We first met last winter,' Petra says.")
                .contradictions()).extracting(Breach::kind).containsExactly(ContinuityKind.RELATIONSHIP);
        assertThat(verdict(lore, List.of("> I watch them."), "Petra and Ilse pass like strangers in the shop.").consistent())
                .isTrue();
    }

    @Test
    void aBrokenStateHoldsUntilMended() {
        List<String> broken = List.of("The generator's engine seized for good; it will never run again.", "> I pull the cord.");
        assertThat(verdict(List.of(), broken, "The engine roars to life and the lights flicker on.").contradictions())
                .extracting(Breach::kind).containsExactly(ContinuityKind.PHYSICAL_STATE);
        List<String> mended = List.of("The engine seized; it will never run again.", "Mara spends the night and repairs it.");
        assertThat(verdict(List.of(), mended, "The engine roars to life.").consistent()).isTrue();
    }

    @Test
    void aLoreRuleHoldsUnlessItsExceptionIsMet() {
        List<String> lore = List.of("No one may ring the Dusk Bell of Harn, except on the Feast of Lanterns.");
        List<String> story = List.of("> I climb the bell tower of Harn.");
        assertThat(verdict(lore, story, "You ring the bell and its note rolls across the valley.").contradictions())
                .extracting(Breach::kind).containsExactly(ContinuityKind.LORE_RULE);
        List<String> feast = List.of("It is the Feast of Lanterns.", "> I climb the bell tower of Harn.");
        assertThat(verdict(lore, feast, "You ring the bell and its note rolls across the valley.").consistent()).isTrue();
    }

    @Test
    void theStoryFactsFoldToTheirLatestValue() {
        List<Fact> facts = check.storyFacts(List.of(), List.of(StoryLine.action("I lend my lantern to Pip."),
                StoryLine.narration("Pip hands you the lantern.")));
        assertThat(facts).filteredOn(f -> f.kind() == ContinuityKind.POSSESSION).singleElement()
                .satisfies(f -> {
                    assertThat(f.value()).isEqualTo("holds");
                    assertThat(f.sinceBeat()).isEqualTo(2);
                });
    }
}
