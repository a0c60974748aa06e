package io.storyteller.graphql.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatPage;
import io.storyteller.domain.story.BeatView;
import io.storyteller.domain.story.FindBeats;
import io.storyteller.domain.story.FindStory;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.graphql.ApiTest;
import io.storyteller.graphql.fakes.Views;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A narration's provenance names the deployment, arm and rollout step that routed it. */
class RoutedNarrationTest extends ApiTest {

    @Test
    void provenance_shows_the_route() {
        var provenance = new NarrationProvenance("house:w1", "2", "sha256:abc", List.of(), 120, 300, 40)
                .routed("narrator:world:w1", NarrationArm.CANARY, "r1", 2);
        queries.answer(FindStory.class, query -> Views.story("s1", "w1"));
        queries.answer(FindBeats.class, query -> new BeatPage(List.of(Views.narration("s1", 1), new BeatView("b2", "s1", 2,
                BeatKind.NARRATION, null, "Rain.", false, null, List.of("Rain."), 0, null, provenance, Views.T0)), false, false, 2));

        JsonNode beats = graphQl("""
                { story(id: "s1") { beats { edges { node { provenance { model modelVersion deploymentId arm rolloutId rolloutStep } } } } } }""")
                .at("/data/story/beats/edges");

        assertThat(beats.at("/0/node/provenance/deploymentId").isNull()).isTrue();
        assertThat(beats.at("/0/node/provenance/arm").isNull()).isTrue();
        JsonNode routed = beats.at("/1/node/provenance");
        assertThat(routed.get("deploymentId").asText()).isEqualTo("narrator:world:w1");
        assertThat(routed.get("arm").asText()).isEqualTo("CANARY");
        assertThat(routed.get("rolloutId").asText()).isEqualTo("r1");
        assertThat(routed.get("rolloutStep").asInt()).isEqualTo(2);
    }
}
