package io.storyteller.ops.benchmark.prose;

import java.util.List;

/**
 * Varied player actions for the seeded Lantern Coast, each with the subject a narration must
 * mention: the player ("you") for first-person and imperative actions, else the named actor.
 * Most touch lore trigger keys; some touch none; a few are odd on purpose.
 */
final class ProseActions {

    record ProseAction(String text, String subject) {
    }

    private static final String YOU = "you";

    static final List<ProseAction> ALL = List.of(
            new ProseAction("I walk down to the docks of Vell Harbour", YOU),
            new ProseAction("I ask the harbour watch about the missing lantern", YOU),
            new ProseAction("I follow the keeper up the cliff stairs", YOU),
            new ProseAction("I buy a flask of lantern oil from the keepers", YOU),
            new ProseAction("Look out into the fog", YOU),
            new ProseAction("I call out into the mist", YOU),
            new ProseAction("I climb the path to the beacon on Gull Point", YOU),
            new ProseAction("I light my lantern from the beacon", YOU),
            new ProseAction("I search the ruins of Orrow for the old bell", YOU),
            new ProseAction("I row out over the sunken city", YOU),
            new ProseAction("I knock on the door of Mother Brine", YOU),
            new ProseAction("I ask the tide witch what the sea wants", YOU),
            new ProseAction("I say \"I only want to find my brother\"", YOU),
            new ProseAction("I watch the smugglers unload their contraband", YOU),
            new ProseAction("I trade three silver coins for a map", YOU),
            new ProseAction("I sit down in the Gilded Eel and order an eel pie", YOU),
            new ProseAction("I listen for the bell tolling under the waves", YOU),
            new ProseAction("We hide behind the nets on the pier", YOU),
            new ProseAction("I carefully open the keeper's ledger", YOU),
            new ProseAction("Quietly follow the stranger into the tavern", YOU),
            new ProseAction("I will wait on the docks until the fog lifts", YOU),
            new ProseAction("I'm ready to sail at dawn", YOU),
            new ProseAction("I try to read the last night of the pier from its lantern", YOU),
            new ProseAction("I pick up the hook and pull the rope from the water, then run", YOU),
            new ProseAction("I warm my hands by the fire", YOU),
            new ProseAction("I sleep until morning", YOU),
            new ProseAction("I whistle a tune on the stairs after dark", YOU),
            new ProseAction("I count the ships in the harbour", YOU),
            new ProseAction("I show the warden my burned hands", YOU),
            new ProseAction("I ask Ysolde Marr about the Quiet Tide", YOU),
            new ProseAction("Ysolde Marr lights a new lantern on the pier", "Ysolde Marr"),
            new ProseAction("Mother Brine reads the tide with her fingers", "Mother Brine"),
            new ProseAction("Tomas rows the boat toward the ruins", "Tomas"),
            new ProseAction("Alba sells her eel pies on the harbour steps", "Alba"),
            new ProseAction("Captain Hale pays the fine in silver", "Captain Hale"),
            new ProseAction("look around", YOU),
            new ProseAction("north", YOU),
            new ProseAction("I open door", YOU),
            new ProseAction("I flail wildly at the thing in the water!!!", YOU),
            new ProseAction("...", YOU));

    private ProseActions() {
    }

    /** The action of a turn: stories walk the list at different paces, so neighbours differ. */
    static ProseAction of(int story, int turn) {
        return ALL.get((story * 7 + turn * (3 + story % 4)) % ALL.size());
    }
}
