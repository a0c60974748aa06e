package io.storyteller.ops.e2e;

import io.storyteller.ops.e2e.PlayViews.Beat;
import io.storyteller.ops.e2e.PlayViews.BeatConnection;
import io.storyteller.ops.e2e.PlayViews.Story;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClient;

/**
 * One caller's moves through the real GraphQL endpoint over HTTP. Every move fails the test on
 * any GraphQL error, except {@link #errors}, which returns them.
 */
final class PlayClient {

    private final GraphQlClient client;

    PlayClient(GraphQlClient client) {
        this.client = client;
    }

    String createWorld(String name) {
        return run("""
                mutation($name: String!) {
                  createWorld(settings: {name: $name, premise: "A drowned coast where bells ring under the sea.",
                                         genre: "folk horror", tone: "eerie", contentRating: TEEN}) { worldId }
                }""", Map.of("name", name), "createWorld.worldId");
    }

    void changeWorldTone(String worldId, String name, String tone) {
        run("""
                mutation($worldId: ID!, $name: String!, $tone: String!) {
                  changeWorldSettings(worldId: $worldId, settings: {name: $name, premise: "The sea took the town.",
                                      genre: "folk horror", tone: $tone, contentRating: MATURE,
                                      narrativeStyle: "second person"}) { worldId }
                }""", Map.of("worldId", worldId, "name", name, "tone", tone), "changeWorldSettings.worldId");
    }

    String addLore(String worldId, String title, List<String> triggerKeys, String content, boolean alwaysOn) {
        return run("""
                mutation($worldId: ID!, $content: LoreContentInput!) {
                  addLoreEntry(worldId: $worldId, content: $content) { loreEntryId }
                }""", Map.of("worldId", worldId, "content", lore(title, triggerKeys, content, alwaysOn)),
                "addLoreEntry.loreEntryId");
    }

    void reviseLore(String worldId, String loreEntryId, String title, List<String> triggerKeys, String content) {
        run("""
                mutation($worldId: ID!, $loreEntryId: ID!, $content: LoreContentInput!) {
                  reviseLoreEntry(worldId: $worldId, loreEntryId: $loreEntryId, content: $content) { loreEntryId }
                }""", Map.of("worldId", worldId, "loreEntryId", loreEntryId,
                "content", lore(title, triggerKeys, content, false)), "reviseLoreEntry.loreEntryId");
    }

    void retireLore(String worldId, String loreEntryId) {
        run("""
                mutation($worldId: ID!, $loreEntryId: ID!) {
                  retireLoreEntry(worldId: $worldId, loreEntryId: $loreEntryId) { loreEntryId }
                }""", Map.of("worldId", worldId, "loreEntryId", loreEntryId), "retireLoreEntry.loreEntryId");
    }

    void addMember(String worldId, String userId, String role) {
        run("""
                mutation($worldId: ID!, $userId: ID!, $role: WorldRole!) {
                  addWorldMember(worldId: $worldId, userId: $userId, role: $role) { userId }
                }""", Map.of("worldId", worldId, "userId", userId, "role", role), "addWorldMember.userId");
    }

    void changeMemberRole(String worldId, String userId, String role) {
        run("""
                mutation($worldId: ID!, $userId: ID!, $role: WorldRole!) {
                  changeWorldMemberRole(worldId: $worldId, userId: $userId, role: $role) { userId }
                }""", Map.of("worldId", worldId, "userId", userId, "role", role), "changeWorldMemberRole.userId");
    }

    void removeMember(String worldId, String userId) {
        run("""
                mutation($worldId: ID!, $userId: ID!) {
                  removeWorldMember(worldId: $worldId, userId: $userId) { userId }
                }""", Map.of("worldId", worldId, "userId", userId), "removeWorldMember.userId");
    }

    void archiveWorld(String worldId) {
        run("mutation($worldId: ID!) { archiveWorld(worldId: $worldId) { worldId } }",
                Map.of("worldId", worldId), "archiveWorld.worldId");
    }

    String startStory(String worldId, String title) {
        return run("mutation($worldId: ID!, $title: String!) { startStory(worldId: $worldId, title: $title) { storyId } }",
                Map.of("worldId", worldId, "title", title), "startStory.storyId");
    }

    /** Submits a player action; returns the action beat's id, which is also its narration's request id. */
    String act(String storyId, String text) {
        return run("""
                mutation($storyId: ID!, $text: String!) {
                  submitPlayerAction(storyId: $storyId, text: $text) { actionBeatId }
                }""", Map.of("storyId", storyId, "text", text), "submitPlayerAction.actionBeatId");
    }

    /** Asks for another narration; returns its request id. */
    String retryNarration(String storyId) {
        return run("mutation($storyId: ID!) { retryNarration(storyId: $storyId) { requestId } }",
                Map.of("storyId", storyId), "retryNarration.requestId");
    }

    void selectAlternative(String storyId, String beatId, int index) {
        run("""
                mutation($storyId: ID!, $beatId: ID!, $index: Int!) {
                  selectNarrationAlternative(storyId: $storyId, beatId: $beatId, alternativeIndex: $index) { beatId }
                }""", Map.of("storyId", storyId, "beatId", beatId, "index", index), "selectNarrationAlternative.beatId");
    }

    void editBeat(String storyId, String beatId, String text) {
        run("""
                mutation($storyId: ID!, $beatId: ID!, $text: String!) {
                  editBeat(storyId: $storyId, beatId: $beatId, text: $text) { beatId }
                }""", Map.of("storyId", storyId, "beatId", beatId, "text", text), "editBeat.beatId");
    }

    void rateBeat(String storyId, String beatId, int rating) {
        run("""
                mutation($storyId: ID!, $beatId: ID!, $rating: Int!) {
                  rateBeat(storyId: $storyId, beatId: $beatId, rating: $rating) { beatId }
                }""", Map.of("storyId", storyId, "beatId", beatId, "rating", rating), "rateBeat.beatId");
    }

    void eraseBeats(String storyId, String fromBeatId) {
        run("""
                mutation($storyId: ID!, $fromBeatId: ID!) {
                  eraseBeats(storyId: $storyId, fromBeatId: $fromBeatId) { storyId }
                }""", Map.of("storyId", storyId, "fromBeatId", fromBeatId), "eraseBeats.storyId");
    }

    void setAuthorsNote(String storyId, String note) {
        run("mutation($storyId: ID!, $note: String) { setAuthorsNote(storyId: $storyId, note: $note) { storyId } }",
                Map.of("storyId", storyId, "note", note), "setAuthorsNote.storyId");
    }

    void setPinnedMemory(String storyId, String memory) {
        run("mutation($storyId: ID!, $memory: String) { setPinnedMemory(storyId: $storyId, memory: $memory) { storyId } }",
                Map.of("storyId", storyId, "memory", memory), "setPinnedMemory.storyId");
    }

    void invite(String storyId, String userId) {
        run("mutation($storyId: ID!, $userId: ID!) { inviteParticipant(storyId: $storyId, userId: $userId) { storyId } }",
                Map.of("storyId", storyId, "userId", userId), "inviteParticipant.storyId");
    }

    void endStory(String storyId) {
        run("mutation($storyId: ID!) { endStory(storyId: $storyId) { storyId } }",
                Map.of("storyId", storyId), "endStory.storyId");
    }

    /** The story as the caller sees it; null when it does not exist or the caller may not see it. */
    Story story(String storyId) {
        ClientGraphQlResponse response = execute("query($id: ID!) { story(id: $id) { " + PlayViews.STORY_FIELDS + " } }",
                Map.of("id", storyId));
        requireNoErrors(response);
        return response.field("story").getValue() == null ? null : response.field("story").toEntity(Story.class);
    }

    /** A page of the story's beats; {@code after} may be null for the first page. */
    BeatConnection beats(String storyId, int first, String after) {
        Map<String, Object> variables = new HashMap<>(Map.of("id", storyId, "first", first));
        variables.put("after", after);
        return run("""
                query($id: ID!, $first: Int, $after: String) {
                  story(id: $id) {
                    beats(first: $first, after: $after) {
                      edges { cursor node { %s } }
                      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                      totalCount
                    }
                  }
                }""".formatted(PlayViews.BEAT_FIELDS), variables, "story.beats", BeatConnection.class);
    }

    /** One beat of the story by its id, as {@code story(id).beat(id)} answers it. */
    ReadBeat beat(String storyId, String beatId) {
        ClientGraphQlResponse response = execute("query($id: ID!, $beatId: ID!) { story(id: $id) { beat(id: $beatId) { "
                + PlayViews.BEAT_FIELDS + " } } }", Map.of("id", storyId, "beatId", beatId));
        requireNoErrors(response);
        boolean storyRead = response.field("story").getValue() != null;
        return new ReadBeat(storyRead, storyRead && response.field("story.beat").getValue() != null
                ? response.field("story.beat").toEntity(Beat.class) : null);
    }

    /** Whether the caller read the story (null, as for its beats, when they may not), and its beat, if it has it. */
    record ReadBeat(boolean storyRead, Beat beat) {
    }

    /** The GraphQL errors of a request that is expected to fail. */
    List<ResponseError> errors(String document, Map<String, Object> variables) {
        return execute(document, variables).getErrors();
    }

    private String run(String document, Map<String, Object> variables, String path) {
        return run(document, variables, path, String.class);
    }

    private <T> T run(String document, Map<String, Object> variables, String path, Class<T> type) {
        ClientGraphQlResponse response = execute(document, variables);
        requireNoErrors(response);
        return response.field(path).toEntity(type);
    }

    private ClientGraphQlResponse execute(String document, Map<String, Object> variables) {
        ClientGraphQlResponse response = client.document(document).variables(variables).execute().block(Api.timeout());
        if (response == null) {
            throw new AssertionError("no response to " + document);
        }
        return response;
    }

    private static void requireNoErrors(ClientGraphQlResponse response) {
        if (!response.getErrors().isEmpty()) {
            throw new AssertionError("GraphQL errors: " + response.getErrors());
        }
    }

    private static Map<String, Object> lore(String title, List<String> triggerKeys, String content, boolean alwaysOn) {
        return Map.of("title", title, "triggerKeys", triggerKeys, "content", content, "alwaysOn", alwaysOn);
    }
}
