package io.storyteller.ops.e2e;

import static io.storyteller.ops.e2e.AccessFixture.beat;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.ops.e2e.AccessFixture.Level;
import io.storyteller.ops.e2e.AccessHttp.Reply;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every mutation of the schema: the fixture it needs, how to call it on that fixture, and the
 * effect a caller who may call it must leave, as the read side shows it. Who may call which is
 * {@link AccessMatrixTest}'s table.
 */
enum AccessMutation {

    CREATE_WORLD(Level.WORLD, """
            mutation($settings: WorldSettingsInput!) { createWorld(settings: $settings) { worldId } }""",
            f -> Map.of("settings", AccessFixture.settings("Made in " + f.tag)),
            (f, caller, reply) -> f.eventuallyWorld(reply.read("$.data.createWorld.worldId"), world -> {
                assertThat(world.<String>read("$.data.world.settings.name")).isEqualTo("Made in " + f.tag);
                assertThat(world.<String>read("$.data.world.ownerId")).isEqualTo(caller);
            })),

    CHANGE_WORLD_SETTINGS(Level.WORLD, """
            mutation($worldId: ID!, $settings: WorldSettingsInput!) {
              changeWorldSettings(worldId: $worldId, settings: $settings) { worldId } }""",
            f -> Map.of("worldId", f.worldId, "settings", AccessFixture.settings("Renamed " + f.tag)),
            (f, caller, reply) -> f.eventuallyWorld(f.worldId, world ->
                    assertThat(world.<String>read("$.data.world.settings.name")).isEqualTo("Renamed " + f.tag))),

    SET_NARRATION_POLICY(Level.WORLD, """
            mutation($worldId: ID!, $policy: NarrationPolicyInput!) {
              setNarrationPolicy(worldId: $worldId, policy: $policy) { worldId } }""",
            f -> Map.of("worldId", f.worldId, "policy", Map.of("candidates", 1, "deadline", "PT60S",
                    "detectorThreshold", 0.9, "maxTries", 3, "guardrailAction", "REGENERATE")),
            (f, caller, reply) -> f.eventuallyWorld(f.worldId, world ->
                    assertThat(world.<Integer>read("$.data.world.narrationPolicy.maxTries")).isEqualTo(3))),

    ADD_LORE_ENTRY(Level.WORLD, """
            mutation($worldId: ID!, $content: LoreContentInput!) {
              addLoreEntry(worldId: $worldId, content: $content) { loreEntryId } }""",
            f -> Map.of("worldId", f.worldId, "content", AccessFixture.lore("The drowned bell")),
            (f, caller, reply) -> f.eventuallyWorld(f.worldId, world ->
                    assertThat(world.<List<String>>read("$.data.world.loreEntries[*].id"))
                            .contains(reply.<String>read("$.data.addLoreEntry.loreEntryId")))),

    REVISE_LORE_ENTRY(Level.WORLD, """
            mutation($worldId: ID!, $loreEntryId: ID!, $content: LoreContentInput!) {
              reviseLoreEntry(worldId: $worldId, loreEntryId: $loreEntryId, content: $content) { loreEntryId } }""",
            f -> Map.of("worldId", f.worldId, "loreEntryId", f.loreEntryId, "content", AccessFixture.lore("The dark lighthouse")),
            (f, caller, reply) -> f.eventuallyWorld(f.worldId, world -> {
                assertThat(world.<String>read("$.data.world.loreEntries[0].content.title")).isEqualTo("The dark lighthouse");
                assertThat(world.<Integer>read("$.data.world.loreEntries[0].revision")).isEqualTo(2);
            })),

    RETIRE_LORE_ENTRY(Level.WORLD, """
            mutation($worldId: ID!, $loreEntryId: ID!) {
              retireLoreEntry(worldId: $worldId, loreEntryId: $loreEntryId) { loreEntryId } }""",
            f -> Map.of("worldId", f.worldId, "loreEntryId", f.loreEntryId),
            (f, caller, reply) -> f.eventuallyWorld(f.worldId, world ->
                    assertThat(world.<Boolean>read("$.data.world.loreEntries[0].retired")).isTrue())),

    ADD_WORLD_MEMBER(Level.WORLD, """
            mutation($worldId: ID!, $userId: ID!, $role: WorldRole!) {
              addWorldMember(worldId: $worldId, userId: $userId, role: $role) { userId } }""",
            f -> Map.of("worldId", f.worldId, "userId", "newcomer-" + f.tag, "role", "PLAYER"),
            (f, caller, reply) -> f.eventuallyWorld(f.worldId, world ->
                    assertThat(world.<List<Map<String, Object>>>read("$.data.world.members"))
                            .contains(Map.of("userId", "newcomer-" + f.tag, "role", "PLAYER")))),

    CHANGE_WORLD_MEMBER_ROLE(Level.WORLD, """
            mutation($worldId: ID!, $userId: ID!, $role: WorldRole!) {
              changeWorldMemberRole(worldId: $worldId, userId: $userId, role: $role) { userId } }""",
            f -> Map.of("worldId", f.worldId, "userId", f.user(AccessCaller.WORLD_PLAYER), "role", "ADMIN"),
            (f, caller, reply) -> f.eventuallyWorld(f.worldId, world ->
                    assertThat(world.<List<Map<String, Object>>>read("$.data.world.members"))
                            .contains(Map.of("userId", f.user(AccessCaller.WORLD_PLAYER), "role", "ADMIN")))),

    REMOVE_WORLD_MEMBER(Level.WORLD, """
            mutation($worldId: ID!, $userId: ID!) { removeWorldMember(worldId: $worldId, userId: $userId) { userId } }""",
            f -> Map.of("worldId", f.worldId, "userId", f.user(AccessCaller.WORLD_PLAYER)),
            (f, caller, reply) -> f.eventuallyWorld(f.worldId, world ->
                    assertThat(world.<List<String>>read("$.data.world.members[*].userId"))
                            .hasSize(3).doesNotContain(f.user(AccessCaller.WORLD_PLAYER)))),

    ARCHIVE_WORLD(Level.WORLD, """
            mutation($worldId: ID!) { archiveWorld(worldId: $worldId) { worldId } }""",
            f -> Map.of("worldId", f.worldId),
            (f, caller, reply) -> f.eventuallyWorld(f.worldId, world ->
                    assertThat(world.<Boolean>read("$.data.world.archived")).isTrue())),

    START_STORY(Level.WORLD, """
            mutation($worldId: ID!, $title: String!) { startStory(worldId: $worldId, title: $title) { storyId } }""",
            f -> Map.of("worldId", f.worldId, "title", "Fog at dawn"),
            (f, caller, reply) -> f.eventuallyStory(reply.read("$.data.startStory.storyId"), story -> {
                assertThat(story.<String>read("$.data.story.ownerId")).isEqualTo(caller);
                assertThat(story.<List<String>>read("$.data.story.participants")).containsExactly(caller);
            })),

    INVITE_PARTICIPANT(Level.STORY, """
            mutation($storyId: ID!, $userId: ID!) { inviteParticipant(storyId: $storyId, userId: $userId) { storyId } }""",
            f -> Map.of("storyId", f.storyId, "userId", f.user(AccessCaller.WORLD_PLAYER)),
            (f, caller, reply) -> f.eventuallyStory(f.storyId, story ->
                    assertThat(story.<List<String>>read("$.data.story.participants"))
                            .contains(f.user(AccessCaller.WORLD_PLAYER)))),

    SUBMIT_PLAYER_ACTION(Level.STORY, """
            mutation($storyId: ID!, $text: String!) { submitPlayerAction(storyId: $storyId, text: $text) { actionBeatId } }""",
            f -> Map.of("storyId", f.storyId, "text", "I knock on the keeper's door."),
            (f, caller, reply) -> f.eventuallyStory(f.storyId, story ->
                    assertThat(beat(story, reply.read("$.data.submitPlayerAction.actionBeatId")))
                            .containsEntry("kind", "PLAYER_ACTION").containsEntry("text", "I knock on the keeper's door."))),

    RETRY_NARRATION(Level.NARRATED, """
            mutation($storyId: ID!) { retryNarration(storyId: $storyId) { requestId } }""",
            f -> Map.of("storyId", f.storyId),
            (f, caller, reply) -> f.eventuallyStory(f.storyId, story ->
                    assertThat(beat(story, f.narrationBeatId)).extractingByKey("alternatives").asList().hasSize(2))),

    SELECT_NARRATION_ALTERNATIVE(Level.RETRIED, """
            mutation($storyId: ID!, $beatId: ID!, $index: Int!) {
              selectNarrationAlternative(storyId: $storyId, beatId: $beatId, alternativeIndex: $index) { beatId } }""",
            f -> Map.of("storyId", f.storyId, "beatId", f.narrationBeatId, "index", 0),
            (f, caller, reply) -> f.eventuallyStory(f.storyId, story ->
                    assertThat(beat(story, f.narrationBeatId)).containsEntry("selectedAlternative", 0))),

    EDIT_BEAT(Level.NARRATED, """
            mutation($storyId: ID!, $beatId: ID!, $text: String!) { editBeat(storyId: $storyId, beatId: $beatId, text: $text) { beatId } }""",
            f -> Map.of("storyId", f.storyId, "beatId", f.narrationBeatId, "text", "The stairs creak under you."),
            (f, caller, reply) -> f.eventuallyStory(f.storyId, story ->
                    assertThat(beat(story, f.narrationBeatId))
                            .containsEntry("text", "The stairs creak under you.").containsEntry("edited", true))),

    ERASE_BEATS(Level.NARRATED, """
            mutation($storyId: ID!, $fromBeatId: ID!) { eraseBeats(storyId: $storyId, fromBeatId: $fromBeatId) { storyId } }""",
            f -> Map.of("storyId", f.storyId, "fromBeatId", f.actionBeatId),
            (f, caller, reply) -> f.eventuallyStory(f.storyId, story -> {
                assertThat(story.<Integer>read("$.data.story.beatCount")).isZero();
                assertThat(story.<List<?>>read("$.data.story.beats.edges")).isEmpty();
            })),

    FLAG_BEAT(Level.NARRATED, """
            mutation($storyId: ID!, $beatId: ID!, $categories: [HarmCategory!]!, $severity: Int!) {
              flagBeat(storyId: $storyId, beatId: $beatId, categories: $categories, severity: $severity) { beatId } }""",
            f -> Map.of("storyId", f.storyId, "beatId", f.actionBeatId, "categories", List.of("VIOLENCE"), "severity", 2),
            (f, caller, reply) -> {
                f.eventuallyStory(f.storyId, story ->
                        assertThat(beat(story, f.actionBeatId)).containsEntry("flagCategories", List.of("VIOLENCE"))
                                .containsEntry("flagSeverity", 2).containsEntry("flagRealWorld", false)
                                .containsEntry("flaggedBy", caller));
                // the story's player reads the beat, not the moderation mark on it
                Map<String, Object> asPlayer = beat(f.must(AccessCaller.STORY_OWNER, AccessFixture.STORY_QUERY,
                        Map.of("id", f.storyId)), f.actionBeatId);
                assertThat(asPlayer).containsEntry("flagCategories", null).containsEntry("flagSeverity", null)
                        .containsEntry("flaggedBy", null);
            }),

    RATE_BEAT(Level.NARRATED, """
            mutation($storyId: ID!, $beatId: ID!, $rating: Int!) { rateBeat(storyId: $storyId, beatId: $beatId, rating: $rating) { beatId } }""",
            f -> Map.of("storyId", f.storyId, "beatId", f.narrationBeatId, "rating", 4),
            (f, caller, reply) -> f.eventuallyStory(f.storyId, story ->
                    assertThat(beat(story, f.narrationBeatId)).containsEntry("rating", 4))),

    SET_AUTHORS_NOTE(Level.STORY, """
            mutation($storyId: ID!, $note: String) { setAuthorsNote(storyId: $storyId, note: $note) { storyId } }""",
            f -> Map.of("storyId", f.storyId, "note", "Keep it eerie."),
            (f, caller, reply) -> f.eventuallyStory(f.storyId, story ->
                    assertThat(story.<String>read("$.data.story.authorsNote")).isEqualTo("Keep it eerie."))),

    SET_PINNED_MEMORY(Level.STORY, """
            mutation($storyId: ID!, $memory: String) { setPinnedMemory(storyId: $storyId, memory: $memory) { storyId } }""",
            f -> Map.of("storyId", f.storyId, "memory", "The keeper owes the harbour master money."),
            (f, caller, reply) -> f.eventuallyStory(f.storyId, story ->
                    assertThat(story.<String>read("$.data.story.pinnedMemory")).isEqualTo("The keeper owes the harbour master money."))),

    PIN_STORY_FACT(Level.STORY, """
            mutation($storyId: ID!, $fact: StoryFactInput!) { pinStoryFact(storyId: $storyId, fact: $fact) { factKey } }""",
            f -> Map.of("storyId", f.storyId, "fact", Map.of("kind", "death", "entity", "the keeper", "attribute", "alive",
                    "value", "dead", "evidence", "The keeper drowned last winter.")),
            (f, caller, reply) -> f.eventuallyFacts(f.storyId, facts ->
                    assertThat(AccessFixture.fact(facts, reply.read("$.data.pinStoryFact.factKey")))
                            .containsEntry("value", "dead").containsEntry("pinnedBy", caller))),

    CORRECT_STORY_FACT(Level.FACT, """
            mutation($storyId: ID!, $factKey: String!, $value: String!) {
              correctStoryFact(storyId: $storyId, factKey: $factKey, value: $value) { factKey } }""",
            f -> Map.of("storyId", f.storyId, "factKey", f.factKey == null ? "location/the-keeper/whereabouts" : f.factKey,
                    "value", "in the lamp room"),
            (f, caller, reply) -> f.eventuallyFacts(f.storyId, facts ->
                    assertThat(AccessFixture.fact(facts, f.factKey))
                            .containsEntry("value", "in the lamp room").containsEntry("correctedBy", caller))),

    END_STORY(Level.STORY, """
            mutation($storyId: ID!) { endStory(storyId: $storyId) { storyId } }""",
            f -> Map.of("storyId", f.storyId),
            (f, caller, reply) -> f.eventuallyStory(f.storyId, story ->
                    assertThat(story.<String>read("$.data.story.status")).isEqualTo("ENDED"))),

    SET_WORLD_BUDGET(Level.WORLD, """
            mutation($worldId: ID!, $budget: BudgetInput!) { setWorldBudget(worldId: $worldId, budget: $budget) { worldId } }""",
            f -> Map.of("worldId", f.worldId, "budget", Map.of("dailyUsd", "1000000", "whenExhausted", "CHEAPER")),
            (f, caller, reply) -> f.eventually("query($id: ID!) { world(id: $id) { budget { setBy } } }", Map.of("id", f.worldId),
                    world -> assertThat(world.<String>read("$.data.world.budget.setBy")).isEqualTo(caller))),

    CLEAR_WORLD_BUDGET(Level.WORLD, """
            mutation($worldId: ID!) { clearWorldBudget(worldId: $worldId) { worldId } }""",
            f -> Map.of("worldId", f.worldId),
            (f, caller, reply) -> f.eventually("query($id: ID!) { world(id: $id) { budget { setBy } } }", Map.of("id", f.worldId),
                    world -> assertThat(world.<Object>read("$.data.world.budget")).isNull())),

    // a limit no turn reaches: other tests share this application
    SET_GLOBAL_BUDGET(Level.WORLD, """
            mutation($budget: BudgetInput!) { setGlobalBudget(budget: $budget) { worldId } }""",
            f -> Map.of("budget", Map.of("monthlyUsd", "1000000", "whenExhausted", "CHEAPER")),
            (f, caller, reply) -> f.eventually("{ globalBudget { setBy } }", Map.of(),
                    budget -> assertThat(budget.<String>read("$.data.globalBudget.setBy")).isEqualTo(caller))),

    CLEAR_GLOBAL_BUDGET(Level.WORLD, """
            mutation { clearGlobalBudget { worldId } }""",
            f -> Map.of(),
            (f, caller, reply) -> f.eventually("{ globalBudget { setBy } }", Map.of(),
                    budget -> assertThat(budget.<Object>read("$.data.globalBudget")).isNull()));

    /** What an allowed call must have changed, checked on the read side. */
    @FunctionalInterface
    interface Effect {
        void check(AccessFixture fixture, String callerId, Reply reply);
    }

    private final Level level;
    private final String document;
    private final Function<AccessFixture, Map<String, Object>> variables;
    private final Effect effect;

    AccessMutation(Level level, String document, Function<AccessFixture, Map<String, Object>> variables, Effect effect) {
        this.level = level;
        this.document = document;
        this.variables = variables;
        this.effect = effect;
    }

    Level level() {
        return level;
    }

    Reply call(AccessFixture fixture, AccessCaller caller) {
        return fixture.call(caller, document, variables.apply(fixture));
    }

    void checkEffect(AccessFixture fixture, AccessCaller caller, Reply reply) {
        effect.check(fixture, fixture.user(caller), reply);
    }

    /** The schema's name of the mutation, e.g. {@code createWorld}. */
    @Override
    public String toString() {
        String[] words = name().toLowerCase().split("_");
        StringBuilder camel = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return camel.toString();
    }
}
