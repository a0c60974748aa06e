package io.storyteller.command.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine on ordinary narrator prose: each pattern that once raised a false contradiction (on
 * the house narrator's beats or on {@code docs/eval/continuity-prose.jsonl}) stays quiet, and the
 * contradiction next to it is still found. Stories written for these tests.
 */
class ContinuityOnNarratorProseTest {

    private final ContinuityCheck check = new ContinuityCheck();

    private ContinuityVerdict verdict(List<String> lore, List<String> story, String candidate) {
        return check.check(lore, story.stream().map(StoryLine::parse).toList(), candidate);
    }

    private List<ContinuityKind> kinds(List<String> lore, List<String> story, String candidate) {
        return verdict(lore, story, candidate).contradictions().stream().map(Breach::kind).toList();
    }

    @Test
    void aPlaceBeforeAnAdjectiveOrANameIsNotTheOneWhoDied() {
        List<String> lore = List.of("Vell Harbour sits in a drowned valley where the cliffs fold around black water.",
                "The people of Vell call it the Drowned Fog, because voices of the drowned are heard inside it.",
                "Mother Brine knows more about the Drowned Fog than she tells.");
        assertThat(check.loreFacts(lore)).noneMatch(f -> f.kind() == ContinuityKind.DEATH);
        assertThat(verdict(lore, List.of("> I walk down to the docks of Vell Harbour"),
                "Quietly, you walk down to the docks of Vell Harbour. Mother Brine waves from her porch.").consistent()).isTrue();
    }

    @Test
    void theWitchOfAPlaceDiesNotThePlace() {
        List<Fact> facts = check.loreFacts(List.of("The old witch of the Briar died when Gretel pushed her into the oven."));
        assertThat(facts).noneMatch(f -> f.kind() == ContinuityKind.DEATH);
        assertThat(check.loreFacts(List.of("Old Teo, the water-trader, was struck down and died in the sand.")))
                .anyMatch(f -> f.kind() == ContinuityKind.DEATH && f.entity().equals("Teo"));
    }

    @Test
    void aDeadOnesThingsKinAndNamesakesAreNotTheDeadOne() {
        List<String> lore = List.of("Old Captain Merrow drowned off Gull Point ten winters ago; his widow Ada keeps his boat.");
        List<String> story = List.of("> I ask whose boat it is", "The woman scraping the hull looks up.");
        assertThat(verdict(lore, story, "\"Merrow's,\" she says, and goes back to scraping.").consistent()).isTrue();
        assertThat(verdict(lore, story, "Ada Merrow hands you a scraper.").consistent()).isTrue();
        assertThat(verdict(lore, story, "You count the ships in the harbour, where the merrow-weed floats.").consistent()).isTrue();
        assertThat(kinds(lore, story, "Captain Merrow climbs out of the hold and hands you a scraper."))
                .containsExactly(ContinuityKind.DEATH);
    }

    @Test
    void aFamilyNameBeforeANounIsTheNounAndARetoldDeathIsNoBreach() {
        List<String> story = List.of("The Harrow family died in the fire of 1911.", "> I enter the mill.");
        assertThat(verdict(List.of(), story, "A child hums somewhere; the Harrow girl, the townsfolk would say.").consistent())
                .isTrue();
        List<String> lore = List.of("Mayor Delia Grant was killed in the raid on Haven; her son Marcus leads the settlement now.");
        assertThat(verdict(lore, List.of("> I wait at the gate"),
                "Mayor Delia Grant was killed in the raid on Haven; her son Marcus leads the settlement now.").consistent()).isTrue();
        assertThat(verdict(lore, List.of("> I wait at the gate"), "Marcus Grant walks out to meet you.").consistent()).isTrue();
    }

    @Test
    void aNarratorRetellingALoreRuleDoesNotBreakIt() {
        List<String> lore = List.of("Magic is quiet and costly. No one can throw fire, raise the dead or fly.");
        List<String> story = List.of("> I warm my hands by the fire");
        assertThat(verdict(lore, story, "You warm your hands by the fire. No one can throw fire, raise the dead or fly.")
                .consistent()).isTrue();
        assertThat(kinds(lore, story, "You throw fire at the door, and the hinges melt.")).containsExactly(ContinuityKind.LORE_RULE);
        assertThat(kinds(lore, story, "You fly up over the rooftops.")).containsExactly(ContinuityKind.LORE_RULE);
    }

    @Test
    void aRelativeClausesNeverDescribesAndDoesNotForbid() {
        List<String> lore = List.of("Ships that sail in the fog come back with an extra crewman, who speaks little, "
                + "never sleeps, and walks into the sea at the next low tide.",
                "The old witch will trade answers, but never for coin.");
        assertThat(check.loreFacts(lore)).noneMatch(f -> f.kind() == ContinuityKind.LORE_RULE);
        assertThat(verdict(lore, List.of("> I sleep until morning", "The ships sail in the fog."),
                "You sleep until morning and pay the witch a coin.").consistent()).isTrue();
    }

    @Test
    void aRuleBindsOnlyWhomItNames() {
        List<String> lore = List.of("Mages of the Violet Order cannot cast spells on holy ground.");
        List<String> story = List.of("Mage Corvin kneels in the chapel of the holy order.", "> I ask Corvin to light a candle.");
        assertThat(kinds(lore, story, "Corvin casts a spell, and a violet flame blooms on the altar."))
                .containsExactly(ContinuityKind.LORE_RULE);
        assertThat(verdict(lore, story, "The sexton casts a glance at the holy water and lights the candle with a match.")
                .consistent()).isTrue();
    }

    @Test
    void aPlayerMayChooseToBreakARuleOfConductButNotAnInability() {
        List<String> lore = List.of("Strangers must never whistle in the harbour after dark.",
                "Inside the vault nobody can reach the Net.");
        assertThat(verdict(lore, List.of("> I whistle a tune in the harbour after dark"),
                "You whistle a tune in the harbour after dark, and heads turn.").consistent()).isTrue();
        assertThat(kinds(lore, List.of("> I step inside the vault", "> I try to call my fixer"),
                "The call connects and your fixer answers from the Net.")).containsExactly(ContinuityKind.LORE_RULE);
    }

    @Test
    void tellingThePartingTheActionAskedForIsNotUsingTheThingAfterwards() {
        List<String> story = List.of("> I trade three silver coins for a map");
        assertThat(verdict(List.of(), story, "At last, you trade three silver coins for a map.").consistent()).isTrue();
        assertThat(verdict(List.of(), List.of("> I hand her the letter"), "You hand the letter across the counter.")
                .consistent()).isTrue();
        List<String> later = List.of("> I give my comb to the witch", "She tucks it into her hair.", "> I walk to the tower");
        assertThat(kinds(List.of(), later, "You hand the troll your comb.")).containsExactly(ContinuityKind.POSSESSION);
    }

    @Test
    void aTimePlannedIsNotTheTimeOfTheScene() {
        List<String> story = List.of("> I'm ready to sail at dawn", "You are ready to sail at dawn. The moon silvers the deck.");
        assertThat(verdict(List.of(), story, "The night draws in close and quiet.").consistent()).isTrue();
        List<String> dawn = List.of("> I wake", "Dawn breaks grey over the harbour.");
        assertThat(kinds(List.of(), dawn, "The midnight stars wheel overhead.")).containsExactly(ContinuityKind.TIME);
    }

    @Test
    void anotherOnesInjuryLeavesThePlayerWhole() {
        List<String> lore = List.of("Engineer Wren lost his right arm; his right arm is broken beyond mending.");
        assertThat(verdict(lore, List.of("> I help Wren"), "You hold the valve with your right hand.").consistent()).isTrue();
        List<String> mine = List.of("The beam falls and your right arm is broken.", "> I help Wren");
        assertThat(kinds(List.of(), mine, "You hold the valve with your right hand.")).containsExactly(ContinuityKind.PHYSICAL_STATE);
    }

    @Test
    void boundHandsGagsAndDeadLightsHoldUntilUndone() {
        List<String> bound = List.of("The raiders tie your hands behind your back.", "> I look for a way out");
        assertThat(kinds(List.of(), bound, "You draw your knife and cut the tent open.")).containsExactly(ContinuityKind.PHYSICAL_STATE);
        assertThat(verdict(List.of(), List.of("The raiders tie your hands behind your back.", "Mira cuts the ropes and frees your hands."),
                "You draw your knife.").consistent()).isTrue();
        List<String> gagged = List.of("The guard gags you with a rag.", "> I try to warn Pell");
        assertThat(kinds(List.of(), gagged, "You shout a warning to Pell.")).containsExactly(ContinuityKind.PHYSICAL_STATE);
        assertThat(verdict(List.of(), gagged, "You try to shout, but only a muffled grunt escapes.").consistent()).isTrue();
        List<String> dark = List.of("Your torch is smashed on the rocks.", "> I go deeper into the cave");
        assertThat(kinds(List.of(), dark, "Your torch beam sweeps across the wet walls.")).containsExactly(ContinuityKind.PHYSICAL_STATE);
    }

    @Test
    void kinCalledByARoleThatDeniesKinshipIsAContradiction() {
        List<String> lore = List.of("Ma Dalton runs the ranch; Ma Dalton's son, Jonah, breaks the horses.");
        List<String> story = List.of("> I ask Ma Dalton for work", "She looks you over from the porch.");
        assertThat(kinds(lore, story, "She hollers for Jonah, her late husband's hired man.")).containsExactly(ContinuityKind.RELATIONSHIP);
        assertThat(kinds(lore, story, "She hollers for her cousin Jonah.")).containsExactly(ContinuityKind.RELATIONSHIP);
        assertThat(verdict(lore, story, "She hollers for Jonah, her eldest boy.").consistent()).isTrue();
        assertThat(verdict(lore, story, "She hollers for Jonah and the girl at the pump.").consistent()).isTrue();
    }

    @Test
    void kinAreReadFromPossessivesAndDeniedAsAnOnlyChild() {
        List<Fact> facts = check.loreFacts(List.of("June, Mabel's younger sister, keeps the books."));
        assertThat(facts).anyMatch(f -> f.kind() == ContinuityKind.RELATIONSHIP && f.entity().equals("Mabel & June"));
        List<String> story = List.of("> I ask Mabel about her family", "Mabel pours the tea.");
        assertThat(kinds(List.of("June, Mabel's younger sister, keeps the books."), story,
                "\"I was an only child,\" Mabel says. \"June is a friend from school.\"")).containsExactly(ContinuityKind.RELATIONSHIP);
    }

    @Test
    void aRoleKeepsItsNameInEveryFormItIsTold() {
        List<String> lore = List.of("Tobias is the old keeper of the Skerry light.");
        List<String> story = List.of("> I climb to the lamp room", "The wind howls at the glass.");
        assertThat(kinds(lore, story, "Silas, the old keeper, turns to face you.")).containsExactly(ContinuityKind.NAME);
        assertThat(kinds(lore, story, "The keeper Silas turns to face you.")).containsExactly(ContinuityKind.NAME);
        assertThat(verdict(lore, story, "Tobias, the old keeper, turns to face you.").consistent()).isTrue();
        assertThat(verdict(lore, story, "The keeper Silas, a young relief man, turns to face you.").consistent()).isTrue();
    }

    @Test
    void aTitledNameWithAnotherGivenNameIsAnotherName() {
        List<String> story = List.of("Mr. Alfred Penrose weighs the parcel.", "> I ask about my letters");
        assertThat(kinds(List.of(), story, "Mr. Arthur Penrose shakes his head.")).containsExactly(ContinuityKind.NAME);
        assertThat(verdict(List.of(), story, "Mr. Penrose shakes his head.").consistent()).isTrue();
    }

    @Test
    void deathsToldByPronounOrByWhatTookThemAreRead() {
        List<String> stabbed = List.of("The blade found Lord Ferren in the chapel; he was dead before he hit the floor.",
                "> I go to the great hall");
        assertThat(kinds(List.of(), stabbed, "Lord Ferren rises from his chair to greet you.")).containsExactly(ContinuityKind.DEATH);
        List<String> fever = List.of("The fever took old Mags in the night.", "> I go to her cottage");
        assertThat(kinds(List.of(), fever, "Mags opens the door and invites you in.")).containsExactly(ContinuityKind.DEATH);
        assertThat(verdict(List.of(), fever, "Mags's kettle sits cold on the stove.").consistent()).isTrue();
    }

    @Test
    void aTorchedPlaceIsNotPackedNextMorning() {
        List<String> story = List.of("The smugglers torched the Gilded Eel last night.", "> I go to the docks");
        assertThat(kinds(List.of(), story, "You push open the door of the Gilded Eel and find it packed with sailors."))
                .containsExactly(ContinuityKind.DESTROYED_PLACE);
        assertThat(verdict(List.of(), story, "The Gilded Eel is a charred shell; gulls pick through the ash.").consistent()).isTrue();
    }

    @Test
    void noThingWillDoWhatTheRuleSaysItWillNot() {
        List<String> lore = List.of("In the Hollow, no fire will burn.");
        List<String> story = List.of("> I enter the Hollow", "> I strike my flint over the kindling");
        assertThat(kinds(lore, story, "The fire catches at once and crackles merrily.")).containsExactly(ContinuityKind.LORE_RULE);
        assertThat(verdict(lore, story, "Sparks die on the damp kindling; the fire will not take.").consistent()).isTrue();
    }

    @Test
    void wordsOfOneIdeaCountOnceTowardAForbiddenAct() {
        List<String> lore = List.of("In the Thornwood, no traveller may eat the fairies' food.");
        List<String> story = List.of("> I enter the Thornwood", "> I walk past the feast to the brook");
        assertThat(verdict(lore, story, "You kneel and drink, and the water tastes of snowmelt.").consistent()).isTrue();
        assertThat(kinds(lore, story, "You eat the fairies' honey cakes, one after another.")).containsExactly(ContinuityKind.LORE_RULE);
    }

    @Test
    void wordMatchingNeedsNoPatternPerCall() {
        assertThat(Prose.mentions("You walk down to Vell Harbour.", "vell harbour")).isTrue();
        assertThat(Prose.mentions("The merrow-weed floats.", "merrow")).isFalse();
        assertThat(Prose.wholeWordsAt("the harbour of Harbour Town", "Harbour", false)).containsExactly(15);
    }
}
