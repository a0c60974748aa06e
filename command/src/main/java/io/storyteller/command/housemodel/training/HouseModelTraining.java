package io.storyteller.command.housemodel.training;

import io.storyteller.command.housemodel.corpus.CorpusReader;
import io.storyteller.command.housemodel.corpus.WorldCorpus;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.LoreEntryRetired;
import io.storyteller.domain.world.LoreEntryRevised;
import io.storyteller.domain.world.WorldCreated;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps every world's house model up to date. Event handlers only note which worlds changed; a
 * pass every {@code storyteller.house-model.retrain-delay} reads the new events into the corpus
 * and retrains, on the one training thread, each changed world that {@link RetrainPolicy} finds
 * stale. The first pass after a start looks at every world, since changes noted before a restart
 * were lost with the memory that held them. Replays would only re-note old changes: disallowed.
 */
@Component
@ProcessingGroup("house-model-training")
@DisallowReplay
@ConditionalOnProperty(prefix = "storyteller.house-model", name = "enabled", havingValue = "true", matchIfMissing = true)
public class HouseModelTraining implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HouseModelTraining.class);

    private final CorpusReader corpus;
    private final HouseModelStore store;
    private final HouseModelPublisher publisher;
    private final RetrainPolicy policy;
    private final Duration retrainDelay;
    private final TrainingThread thread = new TrainingThread();
    private final Set<String> dirtyWorlds = ConcurrentHashMap.newKeySet();
    private final Set<String> dirtyStories = ConcurrentHashMap.newKeySet();
    private final Map<String, String> storyWorlds = new ConcurrentHashMap<>();
    private volatile boolean everyWorldDue = true;
    private volatile ScheduledFuture<?> passes;

    public HouseModelTraining(CorpusReader corpus, HouseModelStore store, HouseModelPublisher publisher,
            HouseModelProperties properties) {
        this.corpus = corpus;
        this.store = store;
        this.publisher = publisher;
        this.policy = new RetrainPolicy(properties.retrainMinNewDocuments());
        this.retrainDelay = properties.retrainDelay();
    }

    @EventHandler
    void on(WorldCreated event) {
        dirtyWorlds.add(event.worldId());
    }

    @EventHandler
    void on(LoreEntryAdded event) {
        dirtyWorlds.add(event.worldId());
    }

    @EventHandler
    void on(LoreEntryRevised event) {
        dirtyWorlds.add(event.worldId());
    }

    @EventHandler
    void on(LoreEntryRetired event) {
        dirtyWorlds.add(event.worldId());
    }

    @EventHandler
    void on(StoryStarted event) {
        storyWorlds.put(event.storyId(), event.worldId());
    }

    @EventHandler
    void on(NarrationRecorded event) {
        storyWorlds.putIfAbsent(event.storyId(), event.worldId());
        dirtyWorlds.add(event.worldId());
    }

    @EventHandler
    void on(NarrationAlternativeSelected event) {
        dirtyStory(event.storyId());
    }

    @EventHandler
    void on(BeatEdited event) {
        dirtyStory(event.storyId());
    }

    @EventHandler
    void on(BeatsErased event) {
        dirtyStory(event.storyId());
    }

    /** Stories started before a restart are unknown here; the pass maps them through the corpus. */
    private void dirtyStory(String storyId) {
        String worldId = storyWorlds.get(storyId);
        if (worldId != null) {
            dirtyWorlds.add(worldId);
        } else {
            dirtyStories.add(storyId);
        }
    }

    /** One retraining pass, run on the training thread; the caller waits for it. */
    void pass() {
        thread.call(() -> {
            runPass();
            return null;
        });
    }

    /**
     * The world's latest model; if it has none, one is trained right now from its corpus (on the
     * training thread, the caller waiting). Empty when the world has no text to learn from.
     */
    public Optional<HouseModelMetadata> ensureWorldModel(String worldId) {
        return thread.call(() -> {
            Optional<HouseModelMetadata> latest = store.latest(ModelKeys.forWorld(worldId));
            if (latest.isPresent()) {
                return latest;
            }
            corpus.refresh();
            WorldCorpus world = corpus.world(worldId);
            return world.isEmpty() ? Optional.empty() : Optional.of(publisher.publishWorld(world));
        });
    }

    /** The platform model (all worlds' lore), trained right now if there is none; empty when no lore exists. */
    public Optional<HouseModelMetadata> ensurePlatformModel() {
        return thread.call(() -> {
            Optional<HouseModelMetadata> latest = store.latest(ModelKeys.PLATFORM);
            if (latest.isPresent()) {
                return latest;
            }
            corpus.refresh();
            WorldCorpus lore = corpus.platform();
            return lore.isEmpty() ? Optional.empty() : Optional.of(publisher.publishPlatform(lore));
        });
    }

    private void runPass() {
        corpus.refresh();
        Set<String> due = new LinkedHashSet<>();
        if (everyWorldDue) {
            everyWorldDue = false;
            due.addAll(corpus.worlds());
        }
        drain(dirtyWorlds, due::add);
        Set<String> stories = new LinkedHashSet<>();
        drain(dirtyStories, stories::add);
        stories.forEach(storyId -> corpus.worldOfStory(storyId).ifPresent(due::add));
        for (String worldId : due) {
            try {
                WorldCorpus world = corpus.world(worldId);
                Optional<String> reason = policy.reason(world, store.latest(ModelKeys.forWorld(worldId)));
                if (reason.isPresent()) {
                    log.info("Retraining the house model of world {}: {}", worldId, reason.get());
                    publisher.publishWorld(world);
                }
            } catch (RuntimeException e) {
                log.warn("Could not retrain the house model of world {}: {}", worldId, e.toString());
            }
        }
        refreshPlatformModel();
    }

    /** The platform model is only kept fresh once some world has needed it. */
    private void refreshPlatformModel() {
        Optional<HouseModelMetadata> latest = store.latest(ModelKeys.PLATFORM);
        if (latest.isEmpty()) {
            return;
        }
        WorldCorpus lore = corpus.platform();
        Optional<String> reason = policy.reason(lore, latest);
        if (reason.isPresent()) {
            log.info("Retraining the platform house model: {}", reason.get());
            publisher.publishPlatform(lore);
        }
    }

    private static void drain(Set<String> from, Consumer<String> to) {
        for (Iterator<String> it = from.iterator(); it.hasNext(); ) {
            to.accept(it.next());
            it.remove();
        }
    }

    /** A scheduled pass must never throw: that would cancel every later one. */
    private void scheduledPass() {
        try {
            runPass();
        } catch (RuntimeException e) {
            log.warn("House model retraining pass failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        passes = thread.repeat(retrainDelay, this::scheduledPass);
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = passes;
        if (running != null) {
            running.cancel(false);
        }
        passes = null;
    }

    @Override
    public boolean isRunning() {
        return passes != null;
    }

    @PreDestroy
    public void close() {
        stop();
        thread.close();
        publisher.close();
    }
}
