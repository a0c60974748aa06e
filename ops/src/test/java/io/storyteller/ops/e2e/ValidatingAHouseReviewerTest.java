package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.command.housemodel.classifier.reviewer.ReviewerCorpus;
import io.storyteller.command.housemodel.classifier.training.HouseClassifierTraining;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.HttpGraphQlClient;

/**
 * The house reviewer from players' ratings to a validation, through the real endpoint: a player
 * rates narrations (rewritten by hand into two styles) well and poorly; the house classifier
 * training registers the reviewer's first version once it has enough of each; a platform admin
 * validates it against itself on a ratings file of stories it never saw, and the recorded validation
 * names that file, the reviewer metrics and every held-out item.
 */
@EndToEnd
class ValidatingAHouseReviewerTest {

    private static final String REVIEWER = "house-classifier:reviewer";
    private static final String NARRATIONS = """
            query($id: ID!) { story(id: $id) { narrationPending beats(first: 40) { edges { node { id kind } } } } }""";
    private static final String VALIDATIONS = """
            query($m: ID!, $v: String) { modelValidations(modelId: $m, version: $v) { validationId suite passed
              wins losses ties reasons dataset { kind source limit } gates { metric candidate threshold passed }
              examples { input candidateAnswer } } }""";

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Autowired
    HouseClassifierTraining training;

    @Value("${storyteller.data-dir}")
    Path dataDir;

    @Test
    @SuppressWarnings("unchecked")
    void playersRatingsTrainTheFirstHouseReviewerWhichIsValidatedOnHeldOutRatings() throws IOException {
        Api api = new Api(port, minter);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String player = "reviewer-player-" + tag;
        PlayClient owner = new PlayClient(api.as("reviewer-owner-" + tag, PlatformRole.WORLD_ADMIN));
        String worldId = owner.createWorld("Rated harbour " + tag);
        owner.addMember(worldId, player, "PLAYER");
        HttpGraphQlClient teller = api.as(player, PlatformRole.PLAYER);
        PlayClient play = new PlayClient(teller);
        String storyId = play.startStory(worldId, "Ratings");
        for (int turn = 0; turn < 10; turn++) {
            play.act(storyId, "I walk on to the next place, turn " + turn + ".");
            int narrated = turn + 1;
            String narrationId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> narrations(teller, storyId), ids -> ids.size() == narrated).getLast();
            boolean good = turn % 2 == 0;
            play.editBeat(storyId, narrationId, good ? ReviewerCorpus.good(turn) : ReviewerCorpus.poor(turn));
            play.rateBeat(storyId, narrationId, good ? 5 : 1);
        }

        training.runPass();
        HttpGraphQlClient admin = api.as("reviewer-admin-" + tag, PlatformRole.PLATFORM_ADMIN);
        // Registered by commands; the registry's read model follows them.
        List<Map<String, Object>> versions = await("the reviewer registered").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> admin.document("query($id: ID!) { model(id: $id) { versions { version } } }")
                        .variable("id", REVIEWER).retrieve("model.versions").toEntityList(Map.class).block(Api.timeout())
                        .stream().map(v -> (Map<String, Object>) v).toList(), found -> !found.isEmpty());
        assertThat(versions).extracting(v -> v.get("version")).as("registered from the ratings").containsExactly("1");

        List<String> heldOut = new ArrayList<>();
        for (int i = 40; i < 46; i++) {
            heldOut.add(ReviewerCorpus.ratingLine(ReviewerCorpus.good(i), 5));
            heldOut.add(ReviewerCorpus.ratingLine(ReviewerCorpus.poor(i), 1));
        }
        String source = "reviewer-" + tag + "/ratings.holdout.jsonl";
        Files.createDirectories(dataDir.resolve(source).getParent());
        Files.write(dataDir.resolve(source), heldOut);

        String validationId = admin.document("mutation($i: ValidateCandidateInput!) { validateCandidate(input: $i) }")
                .variable("i", Map.of("candidate", Map.of("modelId", REVIEWER, "version", "1"), "useCase", "REVIEWER",
                        "incumbent", Map.of("modelId", REVIEWER, "version", "1"),
                        "dataset", Map.of("kind", "FILE", "source", source, "limit", 100)))
                .retrieve("validateCandidate").toEntity(String.class).block(Api.timeout());
        Map<String, Object> validation = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> admin.document(VALIDATIONS).variable("m", REVIEWER).variable("v", "1")
                        .retrieve("modelValidations").toEntityList(Map.class).block(Api.timeout()).stream()
                        .map(v -> (Map<String, Object>) v).filter(v -> validationId.equals(v.get("validationId")))
                        .findFirst().orElse(null), v -> v != null);

        assertThat(validation).containsEntry("suite", "reviewer-default")
                .containsEntry("dataset", Map.of("kind", "FILE", "source", source, "limit", 100));
        assertThat((List<Map<String, Object>>) validation.get("gates")).extracting(g -> g.get("metric"))
                .containsExactly("review.auroc", "review.accuracy", "latency.p95Millis");
        assertThat((List<Map<String, Object>>) validation.get("gates")).filteredOn(g -> g.get("metric").equals("review.auroc"))
                .singleElement().satisfies(g -> assertThat((double) g.get("candidate")).isGreaterThanOrEqualTo(0.9));
        assertThat(validation.get("reasons")).isEqualTo(List.of());
        assertThat(validation.get("passed")).isEqualTo(true);
        assertThat(validation).as("itself as the incumbent: a tie on every held-out rating")
                .containsEntry("wins", 0).containsEntry("losses", 0).containsEntry("ties", 12);
        assertThat((List<Map<String, Object>>) validation.get("examples"))
                .allSatisfy(e -> assertThat((String) e.get("candidateAnswer")).startsWith("P(good) "));
    }

    @SuppressWarnings("unchecked")
    private static List<String> narrations(HttpGraphQlClient client, String storyId) {
        var response = client.document(NARRATIONS).variable("id", storyId).execute().block(Api.timeout());
        if (Boolean.TRUE.equals(response.field("story.narrationPending").toEntity(Boolean.class))) {
            return null;
        }
        return response.field("story.beats.edges").toEntityList(Map.class).stream()
                .map(edge -> (Map<String, Object>) ((Map<String, Object>) edge).get("node"))
                .filter(node -> "NARRATION".equals(node.get("kind"))).map(node -> (String) node.get("id")).toList();
    }
}
