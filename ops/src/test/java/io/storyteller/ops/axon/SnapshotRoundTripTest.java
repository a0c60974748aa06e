package io.storyteller.ops.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.deployment.AutoSwitchConsidered;
import io.storyteller.domain.deployment.Deployment;
import io.storyteller.domain.deployment.DeploymentCreated;
import io.storyteller.domain.deployment.RolloutGates;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutStarted;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.deployment.ShadowPhase;
import io.storyteller.domain.model.Model;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelRegistered;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelVersionAdded;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.NarrationRetryRequested;
import io.storyteller.domain.story.ParticipantInvited;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.Story;
import io.storyteller.domain.story.StoryFact;
import io.storyteller.domain.story.StoryFactPinned;
import io.storyteller.domain.story.StoryFactsRecorded;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.LoreEntryRetired;
import io.storyteller.domain.world.World;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldMemberAdded;
import io.storyteller.domain.world.WorldRole;
import io.storyteller.domain.world.WorldSettings;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * A snapshot is the aggregate as the storage mapper writes it. It must hold the whole state —
 * nothing lost, no method leaking into the format — and read back to the same state.
 */
class SnapshotRoundTripTest {

    private final ObjectMapper mapper = StorageSerializers.storageObjectMapper();

    private <T> T rebuilt(Class<T> type, String id, Object... events) {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        for (int i = 0; i < events.length; i++) {
            store.publish(new GenericDomainEventMessage<>(type.getSimpleName(), id, i, events[i]));
        }
        EventSourcingRepository<T> repository = EventSourcingRepository.builder(type).eventStore(store).build();
        try {
            return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> repository.load(id).invoke(a -> a))
                    .getPayload();
        } finally {
            store.shutDown();
        }
    }

    private <T> void roundTrips(T aggregate, Class<T> type, String... mustHold) throws Exception {
        String snapshot = mapper.writeValueAsString(aggregate);
        T restored = mapper.readValue(snapshot, type);

        assertThat(mapper.writeValueAsString(restored)).isEqualTo(snapshot);
        assertThat(snapshot).contains(mustHold);
    }

    @Test
    void aStoryKeepsItsParticipantsBeatsAlternativesAndEdits() throws Exception {
        NarrationProvenance provenance = new NarrationProvenance("house:w1", "1", "digest", List.of("lore-1"), 12, 30, 40);
        Story story = rebuilt(Story.class, "s1",
                new StoryStarted("s1", "w1", "Fog night", "olga"),
                new ParticipantInvited("s1", "bea", "olga"),
                new PlayerActionSubmitted("s1", "w1", "a1", "olga", "I ring the bell."),
                new NarrationRecorded("s1", "w1", "a1", "a1", "n1", 0, "The sea answers.", provenance),
                new NarrationRetryRequested("s1", "w1", "r1", "a1", "n1", "olga"),
                new NarrationRecorded("s1", "w1", "r1", "a1", "n1", 1, "The bell is silent.", provenance),
                new BeatEdited("s1", "n1", "The bell is silent.", "The bell hums.", "bea"),
                new StoryFactsRecorded("s1", "n1", List.of(new StoryFact("destroyed-place", "the Bell Tower", "standing",
                        "destroyed", 2, "The tower sank."))),
                new StoryFactPinned("s1", "death/bertel/alive", new StoryFact("death", "Bertel", "alive", "dead", 0, ""), "bea"));

        // The beats are packed (base64) and hold no text; the facts keep their evidence as a fingerprint.
        roundTrips(story, Story.class, "\"storyId\":\"s1\"", "bea", "\"r1\"", "the Bell Tower", "death/bertel/alive",
                "\"shape\":\"", "\"readings\":\"");
        assertThat(mapper.writeValueAsString(story)).doesNotContain("The bell hums.", "The sea answers.", "The tower sank.");
    }

    @Test
    void aWorldKeepsItsMembersAndLore() throws Exception {
        World world = rebuilt(World.class, "w1",
                new WorldCreated("w1", new WorldSettings("Vell", "A harbour.", "mystery", "moody", ContentRating.TEEN, ""), "wanda"),
                new WorldMemberAdded("w1", "wanda", WorldRole.OWNER, "wanda"),
                new WorldMemberAdded("w1", "olga", WorldRole.PLAYER, "wanda"),
                new LoreEntryAdded("w1", "lore-1", new LoreContent("Fog", List.of("fog"), "It rolls in.", "places", 1, false), "wanda"),
                new LoreEntryAdded("w1", "lore-2", new LoreContent("Bell", List.of("bell"), "It tolls.", "places", 1, false), "wanda"),
                new LoreEntryRetired("w1", "lore-2", "wanda"));

        roundTrips(world, World.class, "\"worldId\":\"w1\"", "olga", "OWNER", "lore-1", "lore-2");
    }

    @Test
    void aModelKeepsItsVersions() throws Exception {
        ModelSpec spec = new ModelSpec("house", "w1", ModelKind.CHAT, List.of("narration"), 2048, TokenPrice.zero(), "project");
        Model model = rebuilt(Model.class, "house:w1",
                new ModelRegistered("house:w1", spec, ModelSource.HOUSE_TRAINED, "house-model-training", "system"),
                new ModelVersionAdded("house:w1", "1", null, null, "events 0..10", "system"));

        roundTrips(model, Model.class, "house:w1", "\"1\"");
    }

    @Test
    void aDeploymentKeepsItsRolloutInProgressAndTheCandidatesItConsidered() throws Exception {
        ModelRef stable = new ModelRef("house:w1", "1");
        ModelRef candidate = new ModelRef("house:w1", "2");
        RolloutStrategy strategy = new RolloutStrategy(new ShadowPhase(null, 3), List.of(50, 100), Duration.ofSeconds(2), 2,
                RolloutGates.none());
        Deployment deployment = rebuilt(Deployment.class, "narrator:world:w1",
                new DeploymentCreated("narrator:world:w1", UseCase.NARRATOR, "w1", stable, "meta"),
                new AutoSwitchConsidered("narrator:world:w1", "w1", new ModelRef("openai:gpt-5", "1"), stable, "system"),
                new RolloutStarted("narrator:world:w1", "r1", candidate, stable, strategy, RolloutPhase.SHADOW, 0, 0,
                        "retrained", "meta"));

        roundTrips(deployment, Deployment.class, "narrator:world:w1", "\"r1\"", "house:w1", "openai:gpt-5@1");
    }
}
