package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bodies and things stay as they were left until the story mends them. Each state is read from
 * how it is told (blinded, a limb broken or in a sling, a machine that will never run, a door
 * chained shut) and carries what it forbids and what undoes it; a candidate contradicts it when
 * it does the forbidden thing and nothing told since undid the state.
 */
final class PhysicalStateRule implements ContinuityRule {

    /** A state the story can put someone or something in. */
    private record State(String entity, String attribute, String value, Pattern told, Pattern forbids, Pattern undone) {
    }

    private static final Pattern HEALED = Prose.anyOf("heal\\w*", "knits?", "mend\\w*", "cured?", "restored", "splint",
            "removes? the bandage\\w*", "unbandage\\w*");
    private static final List<State> STATES = List.of(
            new State("player", "sight", "blinded",
                    Prose.anyOf("blinds you", "you are blind\\w*", "bandages your eyes", "your eyes are bandaged",
                            "you cannot see", "blinded"),
                    Prose.anyOf("you (?:look|read|see|watch|glance|study|spot|notice|peer|squint)\\w*",
                            "(?:read|see|watch)\\w* (?:the )?\\w+ (?:off|on) (?:her|his|the) screen"),
                    HEALED),
            new State("player", "right arm", "unusable",
                    Prose.anyOf("right (?:arm|shoulder|hand) (?:\\w+ )?(?:broke|broken|in a sling|shattered)",
                            "through the right shoulder", "your right arm broke"),
                    Prose.anyOf("(?:your|with your|offer your) right (?:hand|arm)", "both hands", "both arms"),
                    HEALED),
            new State("player", "left arm", "unusable",
                    Prose.anyOf("left (?:arm|shoulder|hand) (?:\\w+ )?(?:broke|broken|in a sling|shattered)",
                            "through the left shoulder"),
                    Prose.anyOf("(?:your|with your|offer your) left (?:hand|arm)", "both hands", "both arms"),
                    HEALED),
            new State("the engine", "runs", "never again",
                    Prose.anyOf("engine (?:seized|died|is dead|is wrecked)", "block is cracked", "will never run",
                            "won't run again", "never run again"),
                    Prose.anyOf("(?:engine|motor) (?:coughs|roars|rumbles|starts|turns over|catches|hums)\\w*",
                            "coughs to life", "roars to life", "heater running"),
                    Prose.anyOf("repair\\w*", "fix\\w*", "new engine", "replace\\w*")),
            new State("the door", "locked", "chained shut",
                    Prose.anyOf("(?:chain|padlock|bolt|bar|lock)\\w* (?:\\w+ ){0,4}(?:holding it shut|shut|from outside)",
                            "door is locked", "locked the door", "padlocked"),
                    Prose.anyOf("door swings open", "door opens", "swings open", "door gives", "door falls open"),
                    Prose.anyOf("unlock\\w*", "key", "break\\w* (?:the )?(?:chain|lock|padlock)", "pick\\w* the lock",
                            "cut\\w* the chain", "kick\\w*", "forc\\w+")));

    @Override
    public ContinuityKind kind() {
        return ContinuityKind.PHYSICAL_STATE;
    }

    @Override
    public List<Fact> extract(Telling telling) {
        List<Fact> facts = new ArrayList<>();
        for (State state : STATES) {
            for (String sentence : Prose.sentences(telling.text())) {
                if (Prose.has(sentence, state.told())) {
                    facts.add(telling.fact(kind(), state.entity(), state.attribute(), state.value(), sentence));
                    break;
                }
            }
        }
        return facts;
    }

    @Override
    public List<Breach> check(Scene scene) {
        List<Breach> found = new ArrayList<>();
        for (Fact fact : scene.facts(kind())) {
            State state = STATES.stream().filter(s -> s.entity().equals(fact.entity()) && s.attribute().equals(fact.attribute())
                    && s.value().equals(fact.value())).findFirst().orElse(null);
            if (state == null || Prose.has(scene.storyAfter(fact.sinceBeat()), state.undone())) {
                continue;
            }
            for (String sentence : scene.candidateSentences()) {
                if (Prose.has(sentence, state.forbids()) && !Prose.has(sentence, state.undone())) {
                    found.add(new Breach(kind(), fact, sentence, fact.entity() + " is " + fact.value() + " ("
                            + DeathRule.where(fact) + ") and nothing has changed that, yet the candidate acts otherwise."));
                    break;
                }
            }
        }
        return found;
    }
}
