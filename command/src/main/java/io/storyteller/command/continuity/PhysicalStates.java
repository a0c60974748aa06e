package io.storyteller.command.continuity;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The states the story can put the player or a thing in, each with how it is told, what it
 * forbids and what undoes it. A state of the player's body is told of "you" or "I" (an engineer
 * who lost his arm leaves the player's arms whole); a thing's state is told of the thing.
 */
final class PhysicalStates {

    /** A state: {@code ofPlayer} when it must be told of the player to hold. */
    record State(String entity, String attribute, String value, boolean ofPlayer, Pattern told, Pattern forbids, Pattern undone) {
    }

    static final Pattern PLAYER = Pattern.compile("(?i)\\b(?:you|your|yours|I|my|me)\\b");
    /** A sentence that says the forbidden thing fails is no breach of it ("you cannot see", "nothing answers"). */
    static final Pattern DENIED = Prose.anyOf("cannot", "can't", "can not", "no longer", "unable", "fail\\w*", "try",
            "tries", "tried", "nothing", "only darkness", "not", "n't");

    private static final Pattern HEALED = Prose.anyOf("heal\\w*", "knits?", "mend\\w*", "cured?", "restored", "splint",
            "removes? the bandage\\w*", "unbandage\\w*");
    private static final Pattern MENDED = Prose.anyOf("repair\\w*", "fix\\w*", "replace\\w*", "new", "another", "spare",
            "borrow\\w*", "recharg\\w*", "refill\\w*", "relit", "relight\\w*", "refuel\\w*");

    static final List<State> ALL = List.of(
            new State("player", "sight", "blinded", true,
                    Prose.anyOf("blinds you", "you are blind\\w*", "bandages your eyes", "your eyes are bandaged",
                            "you cannot see", "blinded", "blindfold\\w*", "(?:your|my) eyes (?:are )?(?:swollen shut|covered)",
                            "you can(?:no|')t see", "you can no longer see", "lost (?:your|my) sight"),
                    Prose.anyOf("you (?:look|read|see|watch|glance|study|spot|notice|peer|squint|glimpse|make out|"
                                    + "catch sight|recogni[sz]e)\\w*",
                            "(?:read|see|watch)\\w* (?:the )?\\w+ (?:off|on) (?:her|his|the) screen",
                            "your eyes (?:scan|fall on|follow|adjust|meet|sweep)\\w*"),
                    HEALED),
            new State("player", "right arm", "unusable", true,
                    Prose.anyOf("right (?:arm|shoulder|hand) (?:\\w+ )?(?:broke|broken|in a sling|shattered)",
                            "through the right shoulder", "your right arm broke"),
                    Prose.anyOf("(?:your|with your|offer your) right (?:hand|arm)", "both hands", "both arms"),
                    HEALED),
            new State("player", "left arm", "unusable", true,
                    Prose.anyOf("left (?:arm|shoulder|hand) (?:\\w+ )?(?:broke|broken|in a sling|shattered)",
                            "through the left shoulder"),
                    Prose.anyOf("(?:your|with your|offer your) left (?:hand|arm)", "both hands", "both arms"),
                    HEALED),
            new State("player", "legs", "cannot run", true,
                    Prose.anyOf("(?:your|my) (?:left |right )?(?:leg|ankle|knee) (?:is |was )?(?:\\w+ )?(?:broken|broke|"
                                    + "shattered|snapped|in a splint|in a cast)",
                            "(?:broke|break|shatter\\w*|snap\\w*) (?:your|my) (?:left |right )?(?:leg|ankle|knee)",
                            "you can(?:no|')t walk"),
                    Prose.anyOf("you (?:run|sprint|race|dash|leap|jump|bound|kick|dance|scramble)(?:s|ed)?\\b"),
                    HEALED),
            new State("player", "hands", "bound", true,
                    Prose.anyOf("(?:your|my) (?:hands|wrists) (?:are |were )?(?:\\w+ )?(?:tied|bound|cuffed|shackled|manacled)",
                            "(?:bind|binds|tie|ties|cuff|cuffs|shackles?|chains?) your (?:hands|wrists)", "handcuffs? you"),
                    Prose.anyOf("you (?:draw|grab|pick up|reach for|wave|write|throw|pull out|unsheathe|load|aim|"
                                    + "take (?:the|a|her|his) hand)\\w*", "with your (?:free )?(?:hands|fingers)"),
                    Prose.anyOf("untie\\w*", "cut\\w* (?:the|your) (?:rope|bonds|ties)", "free\\w* your hands",
                            "unlock\\w* (?:the |your )?(?:cuffs|shackles|manacles)", "slip\\w* (?:the|your) (?:bonds|ropes|cuffs)")),
            new State("player", "voice", "silenced", true,
                    Prose.anyOf("gag(?:s|ged) you", "you are gagged", "your mouth is gagged", "you can(?:no|')t speak",
                            "lost your voice", "your voice is gone"),
                    Prose.anyOf("you (?:say|shout|call out|yell|whisper|speak|sing|answer|reply|scream)\\w*"),
                    Prose.anyOf("remov\\w* (?:the|your) gag", "ungag\\w*", "voice returns", "heal\\w*")),
            new State("the light", "works", "dead", false,
                    Prose.anyOf("(?:torch|flashlight|lantern|lamp)(?:'s)? (?:batter(?:y|ies) )?(?:is |are |was )?"
                            + "(?:dead|died|dies|smash\\w*|shatter\\w*|breaks|broke|broken|gutters out|goes out|went out|out of (?:oil|batteries))"),
                    Prose.anyOf("(?:torch|flashlight|lantern|lamp)(?:'s)? (?:beam|light) (?:\\w+ )?(?:sweeps|falls|shows|cuts|"
                            + "picks out|reveals|plays)", "you (?:shine|sweep|switch on|turn on) (?:your|the) (?:torch|flashlight)"),
                    MENDED),
            new State("the radio", "works", "dead", false,
                    Prose.anyOf("(?:radio|phone|transmitter)(?:'s)? (?:battery )?(?:is |was )?(?:\\w+ )?(?:dead|smashed|"
                            + "destroyed|shattered|fried|waterlogged)"),
                    Prose.anyOf("(?:radio|phone|transmitter) (?:crackles|buzzes|rings|chirps|beeps|comes alive|comes to life)",
                            "you (?:radio|phone|text)\\w*", "(?:on|over|into) the (?:radio|phone)"),
                    MENDED),
            new State("the engine", "runs", "never again", false,
                    Prose.anyOf("engine (?:seized|died|is dead|is wrecked)", "block is cracked", "will never run",
                            "won't run again", "never run again", "out of (?:fuel|gas|petrol)", "tank is (?:dry|empty)",
                            "tyres? (?:is |are )?(?:slashed|shredded)", "tires? (?:is |are )?(?:slashed|shredded)"),
                    Prose.anyOf("(?:engine|motor) (?:coughs|roars|rumbles|starts|turns over|catches|hums)\\w*",
                            "coughs to life", "roars to life", "heater running",
                            "you (?:drive|speed|race)\\w* (?:off|away|on)"),
                    Prose.anyOf("repair\\w*", "fix\\w*", "new engine", "replace\\w*", "refuel\\w*", "spare", "change\\w* the tyre",
                            "change\\w* the tire")),
            new State("the door", "locked", "chained shut", false,
                    Prose.anyOf("(?:chain|padlock|bolt|bar|lock)\\w* (?:\\w+ ){0,4}(?:holding it shut|shut|from outside)",
                            "door is locked", "locked the door", "padlocked", "door is (?:nailed|boarded|barred) shut"),
                    Prose.anyOf("door swings open", "door opens", "swings open", "door gives", "door falls open",
                            "you (?:open|push open|pull open) the door", "you (?:walk|step|stroll) (?:out )?through the door"),
                    Prose.anyOf("unlock\\w*", "key", "break\\w* (?:the )?(?:chain|lock|padlock|door)", "pick\\w* the lock",
                            "cut\\w* the chain", "kick\\w*", "forc\\w+", "pry\\w*", "prise\\w*")));

    private PhysicalStates() {
    }
}
