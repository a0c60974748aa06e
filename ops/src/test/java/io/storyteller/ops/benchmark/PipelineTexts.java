package io.storyteller.ops.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline benchmark's player actions and candidate narrations, deterministic by story, turn
 * and candidate. Actions name a lore figure (its name and role are trigger keys) or none;
 * candidates are 70 to 120 words of second-person prose about the figure, the place and the
 * action, as a narrator would write them: what the checks read is shaped like what they will read.
 */
final class PipelineTexts {

    private static final String[] ACTIONS = {
            "I ask %s the %s what they saw on the night the lighthouse went dark.",
            "I follow %s down to %s, keeping to the shadows of the nets.",
            "I offer %s the %s a silver coin for the truth about the drowned bell.",
            "I light my lantern and look for the %s near %s.",
            "I sit down by the fire, wring out my coat and listen to the rain.",
            "I show %s the brass token and watch their face.",
    };

    private static final String[] OPENINGS = {
            "%s the %s looks up as you come closer, and for a moment the only sound is the sea working at the pilings.",
            "Fog rolls in over %s while you speak, and %s the %s pulls a coat tighter against it.",
            "The lamp throws a long shadow across the boards; %s the %s does not move out of it.",
            "You find %s the %s exactly where the old fisherman said, half hidden behind a stack of lobster pots.",
    };

    private static final String[] MIDDLES = {
            "\"You are not the first to ask,\" comes the answer, low and careful. \"Nor the first to pay for asking.\"",
            "Somewhere beyond the breakwater a bell answers, once, though no buoy has hung there in years.",
            "The brass token in your pocket grows warm, the way it does only near the water.",
            "A gull lands on the rail, tilts its head at you both, and leaves again without a sound.",
            "Rain begins to tap on the tarred roofs, slow at first, then steady as a clock.",
            "Out on the water a green light blinks twice and goes dark before anyone else seems to notice.",
    };

    private static final String[] CLOSINGS = {
            "A finger points along the shore toward %s. \"Ask there, after the evening bell. Not before.\"",
            "Nothing more is said, but a folded scrap of sailcloth is pressed into your hand, marked with a lantern inside a ring of waves.",
            "When you look back, the %s has already turned away, and the fog has taken the path behind you.",
            "You are left with the smell of salt and lamp oil, and the sense that %s was listening the whole time.",
    };

    private PipelineTexts() {
    }

    /** The lore figure a turn is about. */
    static int figure(int story, int turn, int loreEntries) {
        return Math.floorMod(story * 7919 + turn * 104729, loreEntries);
    }

    static String action(int story, int turn, int loreEntries) {
        int figure = figure(story, turn, loreEntries);
        String name = LoreCorpus.name(figure);
        String role = LoreCorpus.ROLES[LoreCorpus.role(figure)];
        String place = LoreCorpus.placeName(LoreCorpus.place(figure));
        return switch ((story + turn) % ACTIONS.length) {
            case 0, 2 -> ACTIONS[(story + turn) % ACTIONS.length].formatted(name, role);
            case 1 -> ACTIONS[1].formatted(name, place);
            case 3 -> ACTIONS[3].formatted(role, place);
            case 4 -> ACTIONS[4];
            default -> ACTIONS[5].formatted(name);
        };
    }

    /** {@code count} candidates for a turn, from {@code first} on: different openings, middles and closings. */
    static List<String> candidates(int story, int turn, int first, int count, int loreEntries) {
        int figure = figure(story, turn, loreEntries);
        String name = LoreCorpus.name(figure);
        String role = LoreCorpus.ROLES[LoreCorpus.role(figure)];
        String place = LoreCorpus.placeName(LoreCorpus.place(figure));
        List<String> candidates = new ArrayList<>(count);
        for (int c = first; c < first + count; c++) {
            int k = story * 31 + turn * 7 + c;
            String opening = switch (k % OPENINGS.length) {
                case 1 -> OPENINGS[1].formatted(place, name, role);
                default -> OPENINGS[k % OPENINGS.length].formatted(name, role);
            };
            String middle = MIDDLES[k % MIDDLES.length] + " " + MIDDLES[(k + 2) % MIDDLES.length];
            String closing = switch ((k / 2) % CLOSINGS.length) {
                case 0 -> CLOSINGS[0].formatted(LoreCorpus.placeName(LoreCorpus.place(figure + 1)));
                case 1 -> CLOSINGS[1];
                case 2 -> CLOSINGS[2].formatted(role);
                default -> CLOSINGS[3].formatted(name);
            };
            candidates.add(opening + " " + middle + " " + closing);
        }
        return candidates;
    }
}
