package io.storyteller.command.housemodel.training;

import java.util.List;

/** A small world written for the tests: lore entries and story beats. */
public final class Corpus {

    public static final List<String> DOCUMENTS = List.of(
            "The city of Varn stands on black cliffs above the Grey Sea. Its lighthouse has burned for a "
                    + "thousand years, and the keepers say the flame remembers every ship it saved.",
            "Mira, the lighthouse keeper, climbs the tower at dusk. She trims the wick, she feeds the flame, "
                    + "and she watches the sea for the lanterns of the smugglers.",
            "The smugglers of Varn sail at night. They carry salt, silver and stolen books through the fog, "
                    + "and they pay the harbour guards in silver coins.",
            "You open the door of the tower. A cold wind rushes in, and the flame bends low. Mira turns "
                    + "and asks, \"Who sent you?\"",
            "The harbour guards do not trust strangers. They watch the docks, they count the ships, and "
                    + "they report every lantern to the captain of the watch.",
            "You walk along the docks at dusk. The fog rolls in from the Grey Sea, and somewhere a bell rings. "
                    + "A guard lifts his lantern and stares at you.",
            "The captain of the watch is an old soldier named Oren. He keeps a ledger of every ship, and he "
                    + "knows which guards take silver from the smugglers.",
            "The Grey Sea is cold and deep. Sailors say a drowned city lies below the cliffs, and on quiet "
                    + "nights its bells ring under the waves.",
            "You climb the stairs of the lighthouse. The flame is bright, the wind is loud, and far below "
                    + "the waves break on the black cliffs.",
            "Oren opens his ledger and reads the names of the ships. One name is missing. He closes the "
                    + "book and asks the guards where the ship went.");

    /** A word that appears nowhere above. */
    public static final String FOREIGN_PROMPT = "I summon a purple zeppelin over Quixotic Mountain";

    private Corpus() {
    }
}
