package io.storyteller.command.narration.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.storyteller.command.background.BackgroundThreads;
import io.storyteller.command.continuity.ContinuityCheck;
import io.storyteller.command.continuity.ContinuityVerdict;
import io.storyteller.command.continuity.Fact;
import io.storyteller.command.continuity.StoryLine;
import io.storyteller.command.narration.context.ActiveLore;
import io.storyteller.command.narration.context.Lorebook;
import io.storyteller.domain.story.ContextSource;
import io.storyteller.domain.story.Contradiction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The continuity stage on the project's continuity engine: the candidate against the story's
 * recorded facts (as pinned and corrected), what the recent beats establish, and the lore in play
 * ({@link TurnGround#loreFor}: the entries the narrator was given and those the candidate names).
 * A contradiction names its source: the lore entry a lore fact came from, or the beat of a story fact.
 * Each entry's facts are read once per revision of the entry and kept.
 */
public class EngineContinuityReview implements ContinuityReview, AutoCloseable {

    /** Lore entries (revisions) whose facts are kept. */
    static final int ENTRIES_KEPT = 100_000;

    private final ContinuityCheck check;
    /** Keyed by the entry as it stands (id and content): a revised entry is read again. */
    private final Cache<ActiveLore, List<Fact>> entryFacts = Caffeine.newBuilder().maximumSize(ENTRIES_KEPT).build();
    /** The story's facts, read once per turn however many candidates and rounds it judges (keyed by the ground itself). */
    private final Cache<TurnGround, List<Fact>> storyFacts = Caffeine.newBuilder().weakKeys().maximumSize(1024).build();

    /** Lore books whose entries were handed to the warmer; weak, so a replaced revision is let go. */
    private final Set<Lorebook> warmed = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    /**
     * Reads a new lore revision's entries in the background, one thread, so that the first turns
     * after a start or a lore change do not read on the turn's path the entries they meet; entries
     * read before (unchanged by the revision) cost a cache lookup.
     */
    private final ExecutorService warmer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(64), BackgroundThreads.named("lore-facts-warmer"),
            new ThreadPoolExecutor.DiscardPolicy());

    public EngineContinuityReview(ContinuityCheck check) {
        this.check = check;
    }

    /** Starts reading the facts of every entry of {@code lore} in the background, once per lore book. */
    public void warm(Lorebook lore) {
        if (lore != null && warmed.add(lore)) {
            warmer.execute(() -> lore.entries().forEach(this::factsOf));
        }
    }

    /** Entry revisions whose facts are kept; for tests. */
    long entriesRead() {
        entryFacts.cleanUp();
        return entryFacts.estimatedSize();
    }

    @Override
    public void close() {
        warmer.shutdownNow();
    }

    @Override
    public ContinuityFindings check(TurnGround ground, String candidate) {
        warm(ground.lore());
        List<ActiveLore> inPlay = ground.loreFor(candidate);
        List<String> lore = new ArrayList<>(inPlay.size());
        List<Fact> loreFacts = new ArrayList<>();
        Map<Fact, String> entryOf = new HashMap<>();
        for (ActiveLore entry : inPlay) {
            lore.add(entry.content().content());
            for (Fact fact : factsOf(entry)) {
                loreFacts.add(fact);
                entryOf.putIfAbsent(fact, entry.loreEntryId());
            }
        }
        List<StoryLine> lines = ground.storyLines().stream().map(StoryLine::parse).toList();
        List<Fact> facts = storyFacts.get(ground, g -> List.copyOf(StoryFactsOfTurn.read(check, g, lines)));
        ContinuityVerdict verdict = check.check(lore, loreFacts, lines, facts, candidate, ground.firstLine());
        List<Contradiction> contradictions = verdict.contradictions().stream()
                .map(c -> new Contradiction(c.kind().label(), describe(c.fact()), sourceOf(c.fact(), entryOf),
                        c.evidence()))
                .toList();
        List<ContextSource> used = verdict.factsUsed().stream()
                .map(f -> new ContextSource("FACT", f.key(), describe(f), 0)).distinct().toList();
        return new ContinuityFindings(contradictions, used);
    }

    private List<Fact> factsOf(ActiveLore entry) {
        return entryFacts.get(entry, e -> List.copyOf(check.entryFacts(e.content().title(), e.content().content())));
    }

    private static String sourceOf(Fact fact, Map<Fact, String> entryOf) {
        return fact.sinceBeat() != Fact.LORE ? "beat:" + fact.sinceBeat() : entryOf.getOrDefault(fact, "lore");
    }

    private static String describe(Fact fact) {
        return fact.entity() + " " + fact.attribute() + ": " + fact.value();
    }
}
