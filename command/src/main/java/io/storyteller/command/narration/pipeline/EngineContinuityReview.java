package io.storyteller.command.narration.pipeline;

import io.storyteller.command.continuity.ContinuityCheck;
import io.storyteller.command.continuity.ContinuityVerdict;
import io.storyteller.command.continuity.Fact;
import io.storyteller.command.continuity.StoryFactsFold;
import io.storyteller.command.continuity.StoryLine;
import io.storyteller.command.narration.context.ActiveLore;
import io.storyteller.domain.story.ContextSource;
import io.storyteller.domain.story.Contradiction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The continuity stage on the project's continuity engine: the candidate against the story's
 * recorded facts (as pinned and corrected), what the recent beats establish, and the world's lore.
 * A contradiction names its source: the lore entry a lore fact came from, or the beat of a story fact.
 */
public class EngineContinuityReview implements ContinuityReview {

    /** Worlds whose lore facts are kept. */
    static final int WORLDS_KEPT = 64;

    private final ContinuityCheck check;
    /** The facts of each world's lore as last read: reading them takes a pass over every entry, every candidate reuses it. */
    private final Map<String, LoreFacts> loreFacts = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LoreFacts> eldest) {
            return size() > WORLDS_KEPT;
        }
    });

    public EngineContinuityReview(ContinuityCheck check) {
        this.check = check;
    }

    @Override
    public ContinuityFindings check(TurnGround ground, String candidate) {
        List<String> lore = ground.lore().stream().map(entry -> entry.content().content()).toList();
        List<StoryLine> lines = ground.storyLines().stream().map(StoryLine::parse).toList();
        List<Fact> recorded = StoryFactsFold.fold(ground.factEvents());
        List<Fact> facts = new ArrayList<>(recorded);
        facts.addAll(check.storyFacts(List.of(), lines)); // the recent beats' own, newest knowledge last
        ContinuityVerdict verdict = check.check(lore, loreFactsOf(ground.worldId(), lore), lines, facts, candidate);
        Function<Fact, String> source = fact -> fact.sinceBeat() != Fact.LORE ? "beat:" + fact.sinceBeat()
                : ground.lore().stream().filter(entry -> entry.content().content().contains(fact.evidence()))
                        .map(ActiveLore::loreEntryId).findFirst().orElse("lore");
        List<Contradiction> contradictions = verdict.contradictions().stream()
                .map(c -> new Contradiction(c.kind().label(), describe(c.fact()), source.apply(c.fact()), c.evidence()))
                .toList();
        List<ContextSource> used = verdict.factsUsed().stream()
                .map(f -> new ContextSource("FACT", f.key(), describe(f), 0)).distinct().toList();
        return new ContinuityFindings(contradictions, used);
    }

    /** The lore's facts, read again only when the world's lore is no longer the same. */
    private List<Fact> loreFactsOf(String worldId, List<String> lore) {
        LoreFacts known = loreFacts.get(worldId);
        if (known != null && known.lore().equals(lore)) {
            return known.facts();
        }
        List<Fact> facts = check.loreFacts(lore);
        loreFacts.put(worldId, new LoreFacts(lore, facts));
        return facts;
    }

    private record LoreFacts(List<String> lore, List<Fact> facts) {
    }

    private static String describe(Fact fact) {
        return fact.entity() + " " + fact.attribute() + ": " + fact.value();
    }
}
