package io.storyteller.domain.world;

import static io.storyteller.domain.world.WorldExamples.OWNER;
import static io.storyteller.domain.world.WorldExamples.WORLD_ID;
import static io.storyteller.domain.world.WorldExamples.founded;

import io.storyteller.domain.shared.Rejected;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules a lore entry's content obeys, as seen when it is added. */
class LoreContentRulesTest {

    private static final String GATE = "lore-gate";

    private FixtureConfiguration<World> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(World.class);
    }

    private static LoreContent content(String title, List<String> keys, String text, String category, int priority) {
        return new LoreContent(title, keys, text, category, priority, false);
    }

    private static LoreContent withKeys(List<String> keys) {
        return content("The Ember Gate", keys, "The only way out.", "places", 0);
    }

    private void expectAdded(LoreContent given, LoreContent stored) {
        fixture.given(founded())
                .when(new AddLoreEntry(WORLD_ID, GATE, given, OWNER))
                .expectEvents(new LoreEntryAdded(WORLD_ID, GATE, stored, OWNER.userId()));
    }

    private void expectRejected(LoreContent given, String field, String rule) {
        fixture.given(founded())
                .when(new AddLoreEntry(WORLD_ID, GATE, given, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid(field, rule));
    }

    @Test
    void contentIsStoredTrimmed() {
        expectAdded(new LoreContent(" The Ember Gate ", List.of(" gate "), " The only way out. ", " places ", 5, true),
                new LoreContent("The Ember Gate", List.of("gate"), "The only way out.", "places", 5, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aLoreEntryWithoutCategoryIsGeneral(String category) {
        expectAdded(content("The Ember Gate", List.of(), "The only way out.", category, 0),
                content("The Ember Gate", List.of(), "The only way out.", "general", 0));
    }

    @Test
    void aMissingCategoryIsGeneral() {
        expectAdded(content("The Ember Gate", List.of(), "The only way out.", null, 0),
                content("The Ember Gate", List.of(), "The only way out.", "general", 0));
    }

    static Stream<Arguments> brokenContent() {
        List<String> keys = List.of("gate");
        return Stream.of(
                Arguments.of("content.title", "required", content(" ", keys, "text", "places", 0)),
                Arguments.of("content.title", "required", content(null, keys, "text", "places", 0)),
                Arguments.of("content.title", "max-length:120", content("t".repeat(121), keys, "text", "places", 0)),
                Arguments.of("content.content", "required", content("title", keys, "", "places", 0)),
                Arguments.of("content.content", "max-length:8000", content("title", keys, "c".repeat(8001), "places", 0)),
                Arguments.of("content.category", "max-length:60", content("title", keys, "text", "c".repeat(61), 0)),
                Arguments.of("content.priority", "range:-100..100", content("title", keys, "text", "places", 101)),
                Arguments.of("content.priority", "range:-100..100", content("title", keys, "text", "places", -101)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenContent")
    void eachContentFieldHasItsRule(String field, String rule, LoreContent content) {
        expectRejected(content, field, rule);
    }

    @Test
    void contentAtItsLimitsIsAccepted() {
        LoreContent longest = new LoreContent("t".repeat(120), List.of("k".repeat(60)), "c".repeat(8000),
                "c".repeat(60), LoreContent.MAX_PRIORITY, true);
        expectAdded(longest, longest);
    }

    @Test
    void theLowestPriorityIsAccepted() {
        LoreContent lowest = content("title", List.of(), "text", "places", -LoreContent.MAX_PRIORITY);
        expectAdded(lowest, lowest);
    }

    @Test
    void missingTriggerKeysMeanNone() {
        expectAdded(withKeys(null), withKeys(List.of()));
    }

    @Test
    void duplicateTriggerKeysAreDroppedIgnoringCase() {
        expectAdded(withKeys(List.of("Gate", "ember", " gate", "EMBER", "caldera")),
                withKeys(List.of("Gate", "ember", "caldera")));
    }

    @Test
    void anEntryHoldsAtMost32TriggerKeys() {
        List<String> keys = IntStream.rangeClosed(1, 33).mapToObj(i -> "key" + i).toList();
        expectRejected(withKeys(keys), "content.triggerKeys", "max-count:32");
    }

    @Test
    void thirtyTwoTriggerKeysAreAccepted() {
        List<String> keys = IntStream.rangeClosed(1, 32).mapToObj(i -> "key" + i).toList();
        expectAdded(withKeys(keys), withKeys(keys));
    }

    @Test
    void theKeyCountIsCheckedBeforeDuplicatesAreDropped() {
        expectRejected(withKeys(Collections.nCopies(33, "gate")), "content.triggerKeys", "max-count:32");
    }

    @Test
    void aTriggerKeyHoldsAtMost60Characters() {
        expectRejected(withKeys(List.of("gate", "k".repeat(61))), "content.triggerKeys[1]", "max-length:60");
    }

    @Test
    void aBlankTriggerKeyIsRejectedByItsPosition() {
        List<String> keys = new ArrayList<>(List.of("gate", "ember"));
        keys.add(null);
        expectRejected(withKeys(keys), "content.triggerKeys[2]", "required");
        expectRejected(withKeys(List.of(" ", "gate")), "content.triggerKeys[0]", "required");
    }
}
