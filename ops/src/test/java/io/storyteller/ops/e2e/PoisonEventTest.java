package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.acquisition.HubAcquisitionRequested;
import io.storyteller.domain.budget.BudgetLimits;
import io.storyteller.domain.budget.WhenExhausted;
import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.deployment.DeploymentCreated;
import io.storyteller.domain.finetuning.FineTuningRequested;
import io.storyteller.domain.healing.HealingActionRecorded;
import io.storyteller.domain.healing.HealingKind;
import io.storyteller.domain.healing.HealingOutcome;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelRegistered;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.processing.OperatorActionRecorded;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.StoryFact;
import io.storyteller.domain.story.StoryFactsRecorded;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.validation.DatasetKind;
import io.storyteller.domain.validation.EvaluationSuiteDefined;
import io.storyteller.domain.validation.SuiteDataset;
import io.storyteller.domain.validation.SuiteMetric;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.WorldBudgetSet;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An event that a read model cannot store — here a text with NUL, which PostgreSQL refuses — stalls
 * nothing: the processor dead-letters it in its own sequence and goes on with every other world and
 * story. The events are appended straight to the event store, as an older version of the platform
 * (or a bug) might have written them; the API itself no longer accepts such text.
 */
@EndToEnd
class PoisonEventTest {

    private static final String NUL = "\u0000";

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.axonframework.config.Configuration axon;

    /** A processing group, the aggregate type of its events, an event for an id holding the text, and its read-model row. */
    record Case(String group, String aggregateType, Function<Poison, Object> event, String rowQuery) {
        @Override
        public String toString() {
            return group;
        }
    }

    /** The id of the event's aggregate, and a text that is poisonous or healthy. */
    record Poison(String id, String text) {
    }

    static Stream<Arguments> groups() {
        return Stream.of(
                new Case("worlds", "World", p -> new WorldCreated(p.id(),
                        new WorldSettings(p.text(), "A premise.", "fantasy", "grim", ContentRating.TEEN, ""), "ada"),
                        "SELECT count(*) FROM worlds WHERE world_id = ?"),
                new Case("stories", "Story", p -> new StoryStarted(p.id(), "poisoned-world", p.text(), "ada"),
                        "SELECT count(*) FROM stories WHERE story_id = ?"),
                new Case("models", "Model", p -> new ModelRegistered(p.id(),
                        new ModelSpec("openai", "gpt-test", ModelKind.CHAT, List.of("chat"), 4096, TokenPrice.zero(), p.text()),
                        ModelSource.PAID_API, null, "ada"),
                        "SELECT count(*) FROM models WHERE model_id = ?"),
                new Case("deployments", "Deployment", p -> new DeploymentCreated(p.id(), UseCase.NARRATOR, null,
                        new ModelRef("house:" + p.text(), "1"), "ada"),
                        "SELECT count(*) FROM deployments WHERE deployment_id = ?"),
                new Case("narration-metrics", "Story", p -> new NarrationRecorded(p.id(), "w", "r-" + p.id(), "a-" + p.id(),
                        "n-" + p.id(), 0, "The fog lifts.", new NarrationProvenance("house:w", "1", "digest", List.of(), 12, 3, 4)
                        .routed("narrator:" + p.text(), NarrationArm.STABLE, null, null)),
                        "SELECT count(*) FROM narration_outcomes WHERE story_id = ?"),
                new Case("recorded-actions", "Story", p -> new PlayerActionSubmitted(p.id(), "poisoned-world", "a-" + p.id(),
                        "ada", "I light the " + p.text() + " lamp."),
                        "SELECT count(*) FROM recorded_actions WHERE story_id = ?"),
                new Case("story-facts", "Story", p -> new StoryFactsRecorded(p.id(), "n-" + p.id(),
                        List.of(new StoryFact("death", p.text(), "alive", "dead", 2, "The keeper drowned."))),
                        "SELECT count(*) FROM story_facts WHERE story_id = ?"),
                new Case("validations", "EvaluationSuite", p -> new EvaluationSuiteDefined(p.id(), UseCase.NARRATOR,
                        new SuiteDataset(DatasetKind.RECENT_TURNS, null, p.text(), 10),
                        List.of(SuiteMetric.atLeast("review.score", 0.5)), 0.02, "ada"),
                        "SELECT count(*) FROM evaluation_suites WHERE name = ?"),
                // A repository no Hub could have: the acquisition's download refuses it before any request.
                new Case("acquisitions", "Acquisition", p -> new HubAcquisitionRequested(p.id(), "not a repo", "main", null,
                        p.text()),
                        "SELECT count(*) FROM acquisitions WHERE acquisition_id = ?"),
                // Its saga starts too: it exports up to the log's first event and then fails, having no such base.
                new Case("fine-tunings", "FineTuning", p -> new FineTuningRequested(p.id(), new ModelRef("house:poisoned", "1"),
                        UseCase.DETECTOR, "house", new CorpusSelection(null, 0L, null, null, List.of("poisoned-world"), List.of(),
                        List.of(), 0.1, 7), Map.of(), null, null, null, p.text()),
                        "SELECT count(*) FROM fine_tunings WHERE fine_tuning_id = ?"),
                new Case("budgets", "World", p -> new WorldBudgetSet(p.id(),
                        new BudgetLimits(new BigDecimal("5"), null, WhenExhausted.REFUSE), p.text()),
                        "SELECT count(*) FROM budgets WHERE world_id = ?"),
                // the spend view keeps each story's world, to file a narration's cost under it
                new Case("spend", "Story", p -> new StoryStarted(p.id(), "world-" + p.text(), "A title", "ada"),
                        "SELECT count(*) FROM spend_story_worlds WHERE story_id = ?"),
                // a narration's calls are written by a statement whose text, quoted in the failure's
                // message, is longer than the dead-letter table's cause column
                new Case("spend", "Story", p -> new NarrationRecorded(p.id(), p.id(), "r-" + p.id(), "a-" + p.id(),
                        "n-" + p.id(), 0, "The fog lifts.", new NarrationProvenance("house:w", "1", "digest", List.of(), 12, 3, 4)
                        .routed("narrator:" + p.text(), NarrationArm.STABLE, null, null)),
                        "SELECT count(*) FROM spend_entries WHERE world_id = ?"),
                new Case("operations-log", "OperatorAction", p -> new OperatorActionRecorded(p.id(), "ada", "resetProcessor",
                        p.text(), "reset", true),
                        "SELECT count(*) FROM operator_actions WHERE action_id = ?"),
                new Case("operations-log", "HealingAction", p -> new HealingActionRecorded(p.id(), HealingKind.PROCESSOR_RESTART,
                        p.text(), "restarted", HealingOutcome.HEALED, 1),
                        "SELECT count(*) FROM healing_actions WHERE action_id = ?"))
                .map(Arguments::of);
    }

    /**
     * Groups whose handlers write nothing an event's content could poison: the narration engine and
     * the house-model trainer answer with commands (which the domain's input rules guard) and keep
     * their work outside the transaction; the registry automation and the story-fact reader send
     * commands only; the platform meters count in memory and only read the model registry's prices.
     */
    private static final Set<String> STORING_NOTHING = Set.of("narration", "house-model-training", "model-registry",
            "story-fact-reading", "platform-metrics");

    /**
     * Groups that index into OpenSearch, outside the database transaction: a text OpenSearch takes
     * cannot poison them, and a failure (embedder or search down) dead-letters the event in its own
     * sequence. Their writes are versioned by the event's sequence number, so retrying a dead letter
     * after a failure half-way completes the work and never applies an event twice.
     */
    private static final Set<String> INDEXING_OUTSIDE_THE_DATABASE = Set.of("lore-index", "beat-index");

    @Test
    void everyProcessingGroupThatStoresEventContentHasAPoisonCase() {
        Set<String> covered = groups().map(arguments -> ((Case) arguments.get()[0]).group()).collect(Collectors.toSet());
        Set<String> withDeadLetters = axon.eventProcessingConfiguration().eventProcessors().keySet().stream()
                .filter(group -> axon.eventProcessingConfiguration().deadLetterQueue(group).isPresent())
                // Axon dead-letters event handlers, not sagas: a saga's failing handler is logged and
                // rolled back to its savepoint, and what sagas store (ids, their own JSON) is id-shaped.
                .filter(group -> !group.endsWith("SagaProcessor"))
                .collect(Collectors.toSet());
        assertThat(withDeadLetters).isNotEmpty().allSatisfy(group -> assertThat(covered.contains(group) || STORING_NOTHING.contains(group)
                        || INDEXING_OUTSIDE_THE_DATABASE.contains(group))
                .as("processing group %s needs a poison case here (or a reason to be in STORING_NOTHING)", group).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void aPoisonEventIsDeadLetteredAndOtherSequencesKeepFlowing(Case group) {
        String poisoned = "poisoned-" + UUID.randomUUID();
        String healthy = inTheSameSegment(poisoned);
        append(group, new Poison(poisoned, "Ash" + NUL + "fall"));
        append(group, new Poison(healthy, "Ashfall"));

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            assertThat(jdbc.queryForObject(group.rowQuery(), Long.class, healthy))
                    .as("the healthy sequence after the poison is handled").isEqualTo(1L);
            // At least: what follows the poison in its sequence (an acquisition's saga records its failure) queues behind it.
            assertThat(jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = ? AND sequenceidentifier = ?",
                    Long.class, group.group(), poisoned)).as("the poison is dead-lettered").isGreaterThanOrEqualTo(1L);
        });
        assertThat(jdbc.queryForObject(group.rowQuery(), Long.class, poisoned)).as("nothing half-written").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = ? AND sequenceidentifier = ?",
                Long.class, group.group(), healthy)).as("the healthy sequence is not dead-lettered").isZero();
        assertNoProcessorIsInError();
    }

    /**
     * An id whose sequence falls in the poisoned one's segment (for any segment count up to 256), so
     * the healthy event is handled by the very work package that met the poison.
     */
    private static String inTheSameSegment(String poisoned) {
        while (true) {
            String candidate = "healthy-" + UUID.randomUUID();
            if ((candidate.hashCode() & 0xFF) == (poisoned.hashCode() & 0xFF)) {
                return candidate;
            }
        }
    }

    private void append(Case group, Poison poison) {
        eventStore.publish(new GenericDomainEventMessage<>(group.aggregateType(), poison.id(), 0, group.event().apply(poison)));
    }

    private void assertNoProcessorIsInError() {
        EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                assertThat(streaming.isError()).as("processor %s in error", name).isFalse();
                assertThat(streaming.processingStatus().values()).as("segments of %s", name)
                        .noneMatch(status -> status.isErrorState());
            }
        });
    }
}
