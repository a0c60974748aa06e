package io.storyteller.ops.benchmark;

import io.storyteller.domain.retrieval.RebuildSearchIndexes;
import io.storyteller.domain.retrieval.SearchIndexRebuild;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.RecordNarration;
import io.storyteller.domain.story.StartStory;
import io.storyteller.domain.story.SubmitPlayerAction;
import io.storyteller.domain.world.AddLoreEntry;
import io.storyteller.domain.world.AddWorldMember;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.CreateWorld;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.LoreEntryRetired;
import io.storyteller.domain.world.LoreEntryRevised;
import io.storyteller.domain.world.WorldArchived;
import io.storyteller.domain.world.WorldRole;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.projections.schema.SearchIndex;
import io.storyteller.projections.search.BeatIndexProjection;
import io.storyteller.projections.search.LoreIndexProjection;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * (b) Indexing during replay: a world's lore and its stories' beats are written through commands
 * (the narration engine stopped, narrations recorded as the engine would) and indexed live; then
 * {@link RebuildSearchIndexes} drops both indexes and both processors replay the log at once, each
 * embedding every text again. Timed from the command until each processor is at the head of the log;
 * the indexes must hold as many documents afterwards as before.
 */
final class SearchReplay {

    private static final Actor OWNER = new Actor("bench-search-owner", Set.of(PlatformRole.WORLD_ADMIN));
    private static final Actor OPERATOR = new Actor("bench-search-operator", Set.of(PlatformRole.PLATFORM_ADMIN));
    private static final Actor PLAYER = new Actor("bench-search-player", Set.of(PlatformRole.PLAYER));
    private static final Map<String, List<Class<?>>> HANDLED = Map.of(
            LoreIndexProjection.GROUP, List.of(LoreEntryAdded.class, LoreEntryRevised.class, LoreEntryRetired.class, WorldArchived.class),
            BeatIndexProjection.GROUP, List.of(PlayerActionSubmitted.class, NarrationRecorded.class,
                    NarrationAlternativeSelected.class, BeatEdited.class, BeatsErased.class));

    private static final WorldSettings SETTINGS = new WorldSettings("Lantern Coast (search benchmark)",
            "A fog-bound coast of smugglers, drowned bells and a lighthouse that went dark forty years ago.",
            "mystery", "brooding", ContentRating.TEEN, "Second person, present tense.");
    private static final NarrationProvenance PROVENANCE = new NarrationProvenance("gpt-4o-mini", "2024-07-18",
            "sha256:bench", List.of(), 840, 1450, 60);

    /**
     * @param claimSeconds from the command until the restarted processor reported a status again (its claim)
     * @param seconds      from the command until it was at the head of the log with every document back
     */
    record Result(String group, long eventsInLog, long eventsHandled, long documents, double claimSeconds, double seconds) {

        /** Handled events over the whole rebuild, the claim included. */
        double eventsPerSecond() {
            return eventsHandled / seconds;
        }
    }

    private final CommandGateway commands;
    private final Processors processors;
    private final JdbcClient jdbc;
    private final OpenSearchClient client;
    private final Duration limit;

    SearchReplay(CommandGateway commands, Processors processors, JdbcClient jdbc, OpenSearchClient client, Duration limit) {
        this.commands = commands;
        this.processors = processors;
        this.jdbc = jdbc;
        this.client = client;
        this.limit = limit;
    }

    /** Writes the world, waits for live indexing, then rebuilds and times the replay of both groups. */
    List<Result> run(String worldId, int loreEntries, int stories, int turnsPerStory) throws IOException {
        commands.sendAndWait(new CreateWorld(worldId, SETTINGS, OWNER));
        for (int i = 0; i < loreEntries; i++) {
            commands.sendAndWait(new AddLoreEntry(worldId, worldId + "-lore-" + i, LoreCorpus.entry(i), OWNER));
        }
        commands.sendAndWait(new AddWorldMember(worldId, PLAYER.userId(), WorldRole.PLAYER, OWNER));
        for (int s = 0; s < stories; s++) {
            String storyId = worldId + "-story-" + s;
            commands.sendAndWait(new StartStory(storyId, worldId, "Replay story " + s, PLAYER));
            for (int t = 0; t < turnsPerStory; t++) {
                String actionBeatId = UUID.randomUUID().toString();
                commands.sendAndWait(new SubmitPlayerAction(storyId, actionBeatId, BenchmarkWorld.action(t + s), PLAYER));
                commands.sendAndWait(new RecordNarration(storyId, actionBeatId, UUID.randomUUID().toString(),
                        BenchmarkWorld.narration(t + s), PROVENANCE));
            }
        }
        long head = processors.headIndex();
        List<StreamingEventProcessor> groups = List.of(processors.named(LoreIndexProjection.GROUP), processors.named(BeatIndexProjection.GROUP));
        for (StreamingEventProcessor group : groups) {
            Processors.awaitAtHead(group, head, 0, limit);
        }
        Map<String, Long> before = documents(worldId);

        long t0 = System.nanoTime();
        SearchIndexRebuild rebuild = commands.sendAndWait(new RebuildSearchIndexes(OPERATOR));
        Map<String, Double> claimed = new LinkedHashMap<>();
        Map<String, Double> seconds = awaitAll(groups, head, t0, claimed, worldId, before);

        Map<String, Long> after = documents(worldId);
        if (!after.equals(before)) {
            throw new IllegalStateException("the indexes differ after the rebuild " + rebuild + ": " + before + " before, " + after + " after");
        }
        long inLog = jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
        return groups.stream().map(group -> new Result(group.getName(), inLog, handled(group.getName()),
                after.get(group.getName()), claimed.get(group.getName()), seconds.get(group.getName()))).toList();
    }

    /**
     * Seconds from {@code start} until each processor's segments have all reached {@code head} and its
     * index holds the documents it held before (a segment's reported position alone can run ahead of
     * the writes of its batch).
     */
    private Map<String, Double> awaitAll(List<StreamingEventProcessor> groups, long head, long start, Map<String, Double> claimed,
                                         String worldId, Map<String, Long> expected) throws IOException {
        Map<String, Double> done = new LinkedHashMap<>();
        long deadline = start + limit.toNanos();
        while (done.size() < groups.size()) {
            for (StreamingEventProcessor group : groups) {
                Map<Integer, EventTrackerStatus> status = group.processingStatus();
                if (!status.isEmpty()) {
                    claimed.putIfAbsent(group.getName(), (System.nanoTime() - start) / 1e9);
                }
                if (!done.containsKey(group.getName()) && !status.isEmpty() && status.values().stream()
                        .allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head)
                        && count(group.getName().equals(LoreIndexProjection.GROUP) ? SearchIndex.LORE : SearchIndex.BEATS, worldId)
                        == expected.get(group.getName())) {
                    done.put(group.getName(), (System.nanoTime() - start) / 1e9);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not finish within " + limit + ": " + done);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return done;
    }

    private long handled(String group) {
        List<String> types = HANDLED.get(group).stream().map(Class::getName).toList();
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype IN (:types)")
                .param("types", types).query(Long.class).single();
    }

    private Map<String, Long> documents(String worldId) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(LoreIndexProjection.GROUP, count(SearchIndex.LORE, worldId));
        counts.put(BeatIndexProjection.GROUP, count(SearchIndex.BEATS, worldId));
        return counts;
    }

    private long count(SearchIndex index, String worldId) throws IOException {
        client.indices().refresh(r -> r.index(index.indexName()));
        return client.count(c -> c.index(index.indexName())
                .query(q -> q.term(t -> t.field("worldId").value(FieldValue.of(worldId))))).count();
    }
}
