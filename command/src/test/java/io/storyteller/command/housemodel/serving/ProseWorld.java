package io.storyteller.command.housemodel.serving;

import io.storyteller.command.brief.BriefBeat;
import io.storyteller.command.brief.BriefLore;
import io.storyteller.command.brief.NarrationBrief;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The test world of Varn as the narrator is briefed on it: lore with trigger keys, and varied actions. */
final class ProseWorld {

    static final List<BriefLore> LORE = List.of(
            new BriefLore("lore-lighthouse", "The Lighthouse of Varn", "places", List.of("lighthouse", "tower", "flame"),
                    "The lighthouse of Varn stands on black cliffs above the Grey Sea. Its flame has burned for a "
                            + "thousand years, and the keepers say the flame remembers every ship it saved. "
                            + "The stairs inside the tower are worn smooth by the feet of the keepers.", false),
            new BriefLore("lore-smugglers", "The Smugglers", "factions", List.of("smuggler", "smugglers", "silver"),
                    "The smugglers of Varn sail at night. They carry salt, silver and stolen books through the fog. "
                            + "They pay the harbour guards in silver coins and never speak their captain's name.", false),
            new BriefLore("lore-oren", "Oren", "characters", List.of("Oren", "captain", "ledger"),
                    "The captain of the watch is an old soldier named Oren. He keeps a ledger of every ship, and he "
                            + "knows which guards take silver from the smugglers.", false),
            new BriefLore("lore-grey-sea", "The Grey Sea", "places", List.of("sea", "waves", "drowned"),
                    "The Grey Sea is cold and deep. Sailors say a drowned city lies below the cliffs, and on quiet "
                            + "nights its bells ring under the waves.", false));

    static final List<String> ACTIONS = List.of(
            "I climb the stairs of the lighthouse",
            "I ask Oren about the missing ship",
            "Open the ledger and read the names",
            "I follow the smugglers into the fog",
            "We walk along the docks at dusk",
            "Oren closes his ledger",
            "I quietly light my lantern",
            "I say \"Who sent you here?\"",
            "look at the sea",
            "I will wait for the tide",
            "I search the harbour for silver coins hidden by the smugglers under the old pier near the tower",
            "Mira trims the wick of the lamp",
            "I try to open the door of the tower",
            "zzz qqq",
            "I am ready to sail",
            "I pick up the rope and tie it to the post, then climb down");

    private ProseWorld() {
    }

    /** A brief for the action, the lore its words trigger, and the story so far. */
    static NarrationBrief brief(String action, List<BriefBeat> recent) {
        List<BriefLore> active = LORE.stream().filter(l -> triggers(l, action))
                .map(l -> new BriefLore(l.loreEntryId(), l.title(), l.category(), l.triggerKeys(), l.content(), true))
                .toList();
        return new NarrationBrief("Varn", "maritime mystery", "moody", "player-1", action, false, active, recent, List.of());
    }

    static boolean triggers(BriefLore lore, String text) {
        return lore.triggerKeys().stream().anyMatch(key -> Pattern.compile("\\b" + Pattern.quote(key.toLowerCase(Locale.ROOT)) + "\\b")
                .matcher(text.toLowerCase(Locale.ROOT)).find());
    }
}
