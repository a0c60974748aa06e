package io.storyteller.ops.storage.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatFlagged;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.validation.ModelValidated;
import io.storyteller.domain.validation.ValidationExample;
import io.storyteller.domain.validation.ValidationGate;
import io.storyteller.ops.storage.StoredJson;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.junit.jupiter.api.Test;

/**
 * Events stored in older shapes (fixtures written as that code serialized them) read through the
 * upcaster chain as today's code would have written them: the same JSON, their class's current
 * revision, and records equal to today's.
 */
class StoredEventUpcastersTest {

    private static final ObjectMapper JSON = StoredJson.mapper();
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(StoredJson.mapper()).build();

    private final StoredEventFixture story = StoredEventFixture.load("story-before-text-free-beats.json");
    private final StoredEventFixture validation = StoredEventFixture.load("model-validation-before-dataset.json");

    private List<IntermediateEventRepresentation> upcast(StoredEventFixture fixture) {
        return StoredEventUpcasters.chain().upcast(fixture.entries().stream()
                .map(entry -> (IntermediateEventRepresentation) new InitialEventRepresentation(entry, serializer))).toList();
    }

    private List<Object> read(StoredEventFixture fixture) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(fixture.entries().stream(), serializer,
                StoredEventUpcasters.chain()).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    private static JsonNode json(IntermediateEventRepresentation event) {
        return event.getData(JsonNode.class).getData();
    }

    @Test
    void anEditStoredWithItsCopiedTextReadsAsTodaysEditWithout() {
        IntermediateEventRepresentation edited = upcast(story).get(3);
        assertThat(edited.getType().getRevision()).isEqualTo("2");
        BeatEdited today = new BeatEdited("legacy-story", "legacy-n1", null, "The bell hums under your hand.", "legacy-owner");
        assertThat(json(edited)).isEqualTo(JSON.valueToTree(today));
        assertThat(read(story).get(3)).isEqualTo(today);
    }

    @Test
    void aFlagStoredWithItsCopiedTextReadsAsTodaysFlagWithout() {
        IntermediateEventRepresentation flagged = upcast(story).get(4);
        assertThat(flagged.getType().getRevision()).isEqualTo("2");
        BeatFlagged today = new BeatFlagged("legacy-story", "legacy-world", "legacy-n1", BeatKind.NARRATION, null,
                List.of(HarmCategory.VIOLENCE), 1, false, "legacy-moderator");
        assertThat(json(flagged)).isEqualTo(JSON.valueToTree(today));
        assertThat(read(story).get(4)).isEqualTo(today);
    }

    @Test
    void aValidationStoredBeforeDatasetsReadsWithAnExplicitNoDataset() {
        IntermediateEventRepresentation validated = upcast(validation).getFirst();
        assertThat(validated.getType().getRevision()).isEqualTo("2");
        assertThat(json(validated).has("dataset")).isTrue();
        ModelValidated today = new ModelValidated("legacy-model", "2", "legacy-validation", "narrator-default",
                new ModelRef("legacy-model", "1"), true, List.of(new ValidationGate("review.score", 0.74, 0.71, 0.5, true, true)),
                6, 2, 4, List.of(new ValidationExample("win", "I pull the bell rope.", "The bell hums.", "Nothing.", 0.9, 0.2)),
                List.of(), "system", null);
        assertThat(json(validated)).isEqualTo(JSON.valueToTree(today));
        assertThat(read(validation).getFirst()).isEqualTo(today);
    }

    @Test
    void eventsWhoseShapeNeverChangedPassUntouched() throws Exception {
        List<IntermediateEventRepresentation> events = upcast(story);
        for (int i : new int[] {0, 1, 2}) {
            assertThat(events.get(i).getType().getRevision()).as("event %d keeps no revision", i).isNull();
            assertThat(JSON.writeValueAsBytes(json(events.get(i)))).as("event %d's JSON", i)
                    .isEqualTo(story.rows().get(i).payload());
        }
        assertThat(read(story).getFirst()).isEqualTo(new StoryStarted("legacy-story", "legacy-world", "The Drowned Bell",
                "legacy-owner"));
        assertThat(read(story).get(2)).isInstanceOf(NarrationRecorded.class);
    }

    @Test
    void anEventStoredInItsCurrentRevisionPassesUntouched() throws Exception {
        BeatEdited today = new BeatEdited("s1", "n1", null, "The bell hums.", "bea");
        var serialized = serializer.serialize(today, byte[].class);
        assertThat(serialized.getType().getRevision()).as("today's code writes the revision").isEqualTo("2");
        StoredEventFixture current = new StoredEventFixture("Story", "s1", List.of(new StoredEventFixture.Row(0, "e1",
                "2026-12-06T10:00:00Z", serialized.getType().getName(), "2", serialized.getData(), "{}".getBytes())));
        IntermediateEventRepresentation read = upcast(current).getFirst();
        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(JSON.writeValueAsBytes(json(read))).isEqualTo(serialized.getData());
    }

    /**
     * Each event class with a revision can be read from every older shape: the steps lead from
     * "stored without a revision" to its current revision, one revision at a time.
     */
    @Test
    void everyRevisedEventHasStepsFromItsFirstShapeToItsCurrentRevision() {
        Set<String> revised = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.storyteller.domain").stream()
                .filter(type -> type.isAnnotatedWith(Revision.class))
                .filter(type -> type.getAllFields().stream().noneMatch(field -> field.isAnnotatedWith(AggregateIdentifier.class)))
                .map(JavaClass::getName).collect(Collectors.toSet());
        assertThat(revised).as("event classes with a revision").contains(BeatEdited.class.getName(),
                BeatFlagged.class.getName(), ModelValidated.class.getName());
        for (String type : revised) {
            String current = revisionOf(type);
            String revision = null;
            for (PayloadRevisionStep step : StoredEventUpcasters.STEPS) {
                if (step.payloadType().equals(type) && Objects.equals(step.fromRevision(), revision)) {
                    revision = step.toRevision();
                }
            }
            assertThat(revision).as("%s is read up to its current revision", type).isEqualTo(current);
        }
    }

    private static String revisionOf(String type) {
        try {
            return Class.forName(type).getAnnotation(Revision.class).value();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
