package io.storyteller.ops.benchmark;

import io.storyteller.domain.world.LoreContent;
import java.util.List;
import java.util.Random;

/**
 * Lore entries and questions made up from word lists, deterministic by index: a named figure with a
 * role, a place and a trait, so that BM25 finds varied terms and the embeddings of the parts spread
 * the vectors over the model's space.
 */
final class LoreCorpus {

    static final String[] ROLES = {"tidecaller", "lamplighter", "smuggler", "cartographer", "bellwright", "ferryman",
            "herbalist", "salt merchant", "wreck diver", "net mender", "gull keeper", "harbour clerk", "rope maker",
            "lighthouse keeper", "fog reader", "pearl thief", "drowned priest", "shipwright", "tavern keeper",
            "customs officer", "storm witch", "eel fisher", "chart forger", "bone carver", "lantern seller",
            "bell ringer", "coast guard", "tide scholar", "reef pilot", "oyster farmer", "sailmaker", "sea hermit",
            "gravedigger", "mussel picker", "kelp burner", "whale hunter", "signal boy", "dockside judge",
            "salvage broker", "rum runner"};
    static final String[] ADJECTIVES = {"sunken", "windward", "flooded", "crooked", "northern", "forgotten", "salt-white",
            "black", "drowned", "hollow", "iron", "weeping"};
    static final String[] PLACES = {"harbour", "chapel", "lighthouse", "cove", "pier", "cliff stair", "market", "reef",
            "marsh", "watchtower"};
    static final String[] TRAITS = {"who never speaks above a whisper", "who keeps a ledger of every drowned sailor",
            "who trades in stolen bells", "who can smell a storm three days away", "who owes a debt to the sea witch",
            "who sings to the seals at dusk", "who carries a brass token warm to the touch",
            "who lost an eye to a gull", "who maps the shifting sandbanks for a fee",
            "who will not cross running water", "who buries strangers without asking their names",
            "who lights green lanterns for smugglers", "who remembers the night the lighthouse went dark",
            "who collects teeth of drowned horses", "who sells charts that lead nowhere",
            "who reads fortunes in fish scales", "who hides a child from the customs men",
            "who has a ship in a bottle that sails by itself", "who was married to a man made of kelp",
            "who counts the waves and is never wrong"};
    private static final String[] SYLLABLES = {"or", "va", "ne", "mar", "te", "sel", "bri", "gan", "lo", "thu", "wen",
            "ka", "ri", "dor", "mi", "sa", "el", "ho", "ta", "vin"};

    private LoreCorpus() {
    }

    static String name(int index) {
        String name = SYLLABLES[index % 20] + SYLLABLES[(index / 20) % 20] + SYLLABLES[(index / 400) % 20];
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static int role(int index) {
        return index % ROLES.length;
    }

    static int place(int index) {
        return (index / ROLES.length) % (ADJECTIVES.length * PLACES.length);
    }

    static int trait(int index) {
        return (index * 7 + index / 997) % TRAITS.length;
    }

    static String placeName(int place) {
        return "the " + ADJECTIVES[place % ADJECTIVES.length] + " " + PLACES[place / ADJECTIVES.length];
    }

    static LoreContent entry(int index) {
        String name = name(index);
        String role = ROLES[role(index)];
        String place = placeName(place(index));
        return new LoreContent(name + " the " + role, List.of(name.toLowerCase(), role),
                name + " is a " + role + " of " + place + " " + TRAITS[trait(index)] + ". Ask for " + name
                        + " by the " + PLACES[place(index) / ADJECTIVES.length] + " after the evening bell.",
                "figure", index % 10, false);
    }

    /** A question as a narrator's context would ask it: a role near a place, with a trait. */
    static String question(Random random) {
        return "a " + ROLES[random.nextInt(ROLES.length)] + " near " + placeName(random.nextInt(ADJECTIVES.length * PLACES.length))
                + " " + TRAITS[random.nextInt(TRAITS.length)];
    }
}
