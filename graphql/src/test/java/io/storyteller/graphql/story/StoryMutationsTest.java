package io.storyteller.graphql.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.story.EditBeat;
import io.storyteller.domain.story.EndStory;
import io.storyteller.domain.story.EraseBeats;
import io.storyteller.domain.story.InviteParticipant;
import io.storyteller.domain.story.RateBeat;
import io.storyteller.domain.story.RetryNarration;
import io.storyteller.domain.story.SelectNarrationAlternative;
import io.storyteller.domain.story.SetAuthorsNote;
import io.storyteller.domain.story.SetPinnedMemory;
import io.storyteller.domain.story.StartStory;
import io.storyteller.domain.story.SubmitPlayerAction;
import io.storyteller.graphql.ApiTest;
import org.junit.jupiter.api.Test;

/** Each story mutation sends exactly the command it names, carrying the caller. */
class StoryMutationsTest extends ApiTest {

    @Test
    void startStory_sends_StartStory_with_a_new_story_id() {
        JsonNode data = graphQl("mutation { startStory(worldId: \"w1\", title: \"The heist\") { storyId } }").get("data");

        String storyId = data.at("/startStory/storyId").asText();
        assertThat(storyId).hasSize(36);
        assertThat(commands.onlyCommand()).isEqualTo(new StartStory(storyId, "w1", "The heist", ALICE));
    }

    @Test
    void inviteParticipant_sends_InviteParticipant() {
        graphQl("mutation { inviteParticipant(storyId: \"s1\", userId: \"bob\") { storyId } }");

        assertThat(commands.onlyCommand()).isEqualTo(new InviteParticipant("s1", "bob", ALICE));
    }

    @Test
    void submitPlayerAction_sends_SubmitPlayerAction_and_answers_the_new_action_beat_id() {
        JsonNode data = graphQl("mutation { submitPlayerAction(storyId: \"s1\", text: \"I open the door\") { storyId actionBeatId } }")
                .get("data");

        String actionBeatId = data.at("/submitPlayerAction/actionBeatId").asText();
        assertThat(actionBeatId).hasSize(36);
        assertThat(data.at("/submitPlayerAction/storyId").asText()).isEqualTo("s1");
        assertThat(commands.onlyCommand()).isEqualTo(new SubmitPlayerAction("s1", actionBeatId, "I open the door", ALICE));
    }

    @Test
    void retryNarration_sends_RetryNarration_and_answers_the_new_request_id() {
        JsonNode data = graphQl("mutation { retryNarration(storyId: \"s1\") { storyId requestId } }").get("data");

        String requestId = data.at("/retryNarration/requestId").asText();
        assertThat(requestId).hasSize(36);
        assertThat(commands.onlyCommand()).isEqualTo(new RetryNarration("s1", requestId, ALICE));
    }

    @Test
    void selectNarrationAlternative_sends_SelectNarrationAlternative() {
        graphQl("mutation { selectNarrationAlternative(storyId: \"s1\", beatId: \"b2\", alternativeIndex: 1) { beatId } }");

        assertThat(commands.onlyCommand()).isEqualTo(new SelectNarrationAlternative("s1", "b2", 1, ALICE));
    }

    @Test
    void editBeat_sends_EditBeat() {
        graphQl("mutation { editBeat(storyId: \"s1\", beatId: \"b2\", text: \"Better words\") { storyId beatId } }");

        assertThat(commands.onlyCommand()).isEqualTo(new EditBeat("s1", "b2", "Better words", ALICE));
    }

    @Test
    void eraseBeats_sends_EraseBeats() {
        graphQl("mutation { eraseBeats(storyId: \"s1\", fromBeatId: \"b2\") { storyId } }");

        assertThat(commands.onlyCommand()).isEqualTo(new EraseBeats("s1", "b2", ALICE));
    }

    @Test
    void rateBeat_sends_RateBeat() {
        graphQl("mutation { rateBeat(storyId: \"s1\", beatId: \"b2\", rating: 4) { beatId } }");

        assertThat(commands.onlyCommand()).isEqualTo(new RateBeat("s1", "b2", 4, ALICE));
    }

    @Test
    void setAuthorsNote_sends_SetAuthorsNote_and_accepts_a_missing_note() {
        graphQl("mutation { a: setAuthorsNote(storyId: \"s1\", note: \"Keep it tense\") { storyId } b: setAuthorsNote(storyId: \"s1\") { storyId } }");

        assertThat(commands.sent()).containsExactly(
                new SetAuthorsNote("s1", "Keep it tense", ALICE), new SetAuthorsNote("s1", null, ALICE));
    }

    @Test
    void setPinnedMemory_sends_SetPinnedMemory() {
        graphQl("mutation { setPinnedMemory(storyId: \"s1\", memory: \"The map is fake\") { storyId } }");

        assertThat(commands.onlyCommand()).isEqualTo(new SetPinnedMemory("s1", "The map is fake", ALICE));
    }

    @Test
    void endStory_sends_EndStory() {
        JsonNode data = graphQl("mutation { endStory(storyId: \"s1\") { storyId } }").get("data");

        assertThat(data.at("/endStory/storyId").asText()).isEqualTo("s1");
        assertThat(commands.onlyCommand()).isEqualTo(new EndStory("s1", ALICE));
    }
}
