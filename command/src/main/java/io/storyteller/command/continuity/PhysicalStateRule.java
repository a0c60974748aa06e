package io.storyteller.command.continuity;

import io.storyteller.command.continuity.PhysicalStates.State;
import java.util.ArrayList;
import java.util.List;

/**
 * Bodies and things stay as they were left until the story mends them. Each state is read from
 * how it is told (blinded, a limb broken or in a sling, a machine that will never run, a door
 * chained shut) and carries what it forbids and what undoes it; a candidate contradicts it when
 * it does the forbidden thing and nothing told since undid the state.
 */
final class PhysicalStateRule implements ContinuityRule {

    @Override
    public ContinuityKind kind() {
        return ContinuityKind.PHYSICAL_STATE;
    }

    @Override
    public List<Fact> extract(Telling telling) {
        List<Fact> facts = new ArrayList<>();
        List<String> sentences = Prose.sentences(telling.text());
        for (State state : PhysicalStates.ALL) {
            for (String sentence : sentences) {
                if (Prose.has(sentence, state.told()) && (!state.ofPlayer() || Prose.has(sentence, PhysicalStates.PLAYER))) {
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
            State state = PhysicalStates.ALL.stream().filter(s -> s.entity().equals(fact.entity()) && s.attribute().equals(fact.attribute())
                    && s.value().equals(fact.value())).findFirst().orElse(null);
            if (state == null || Prose.has(scene.storyAfter(fact.sinceBeat()), state.undone())) {
                continue;
            }
            for (String sentence : scene.candidateSentences()) {
                if (Prose.has(sentence, state.forbids()) && !Prose.has(sentence, state.undone())
                        && !Prose.has(sentence, PhysicalStates.DENIED) && !scene.retells(sentence)) {
                    found.add(new Breach(kind(), fact, sentence, fact.entity() + " is " + fact.value() + " ("
                            + DeathRule.where(fact) + ") and nothing has changed that, yet the candidate acts otherwise."));
                    break;
                }
            }
        }
        return found;
    }
}
