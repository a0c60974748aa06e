package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.command.acquisition.hub.LocalHub;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.StorytellerApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A platform admin acquires a model from a Hub on localhost through the GraphQL API: it is
 * downloaded under the data directory, verified, and appears in the registry with its license,
 * digest and files' location; nobody else may search the Hub or acquire.
 */
@SpringBootTest(classes = StorytellerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"storyteller.discovery.enabled=false", "storyteller.hub.licenses=apache-2.0,mit"})
@ContextConfiguration(initializers = TemporaryDataDir.class)
class AcquiringFromTheHubTest {

    static final String REPO = "tiny-org/tiny-decoder";
    static final LocalHub hub = started();

    @LocalServerPort
    int port;
    @Autowired
    TokenMinter minter;
    @Value("${storyteller.data-dir}")
    Path dataDir;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    static LocalHub started() {
        try {
            LocalHub server = new LocalHub();
            server.add(REPO, 50_000, "apache-2.0", false);
            server.add("other-org/closed", 1_000, "other", false);
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void hubAddress(DynamicPropertyRegistry registry) {
        registry.add("storyteller.hub.base-url", () -> hub.baseUrl().toString());
        registry.add("storyteller.hub.token", () -> LocalHub.TOKEN);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void anAcquiredModelVersionAppearsInTheRegistryWithItsLicenseAndDigest() throws Exception {
        Api api = new Api(port, minter);
        HttpGraphQlClient admin = api.as("hub-admin", PlatformRole.PLATFORM_ADMIN);

        List<Map<String, Object>> candidates = admin.document("{ hubModels(task: \"text-generation\", first: 10) { rank repo license licenseAllowed } }")
                .retrieve("hubModels").toEntityList(Map.class).block(Api.timeout()).stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(candidates).extracting(c -> c.get("repo")).containsExactly(REPO, "other-org/closed");

        String id = admin.document("mutation { acquireHubModel(repo: \"" + REPO + "\", useCase: NARRATOR) }")
                .retrieve("acquireHubModel").toEntity(String.class).block(Api.timeout());
        assertThat(id).startsWith("acquisition-");

        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%AcquiredModelEvaluationRequested'",
                    Long.class, id) > 0);
        Map<?, ?> version = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            ClientGraphQlResponse models = admin.document("""
                    { models(provider: "huggingface") { id source spec { license kind }
                        versions { version artifact { uri sha256 sizeBytes } } } }""").execute().block(Api.timeout());
            List<Map<String, Object>> list = models.field("models").getValue();
            Map<String, Object> model = list.stream().filter(m -> ("huggingface:" + REPO).equals(m.get("id")))
                    .findFirst().orElseThrow();
            assertThat(model).containsEntry("source", "DOWNLOADED");
            assertThat((Map<String, Object>) model.get("spec")).containsEntry("license", "apache-2.0");
            return (Map<?, ?>) ((List<?>) model.get("versions")).get(0);
        }, v -> v != null);
        assertThat(version.get("version")).isEqualTo(LocalHub.COMMIT);
        Map<?, ?> artifact = (Map<?, ?>) version.get("artifact");
        assertThat((String) artifact.get("uri")).isEqualTo("models/hub/" + REPO + "/" + LocalHub.COMMIT + "/");
        assertThat(((Number) artifact.get("sizeBytes")).longValue()).isEqualTo(50_000 + LocalHub.config().length);
        Path weights = dataDir.resolve("models/hub").resolve(REPO).resolve(LocalHub.COMMIT).resolve("onnx/model.onnx");
        assertThat(Files.readAllBytes(weights)).isEqualTo(hub.repos.get(REPO).weights());
    }

    @Test
    void onlyPlatformAdminsSearchTheHubOrAcquire() {
        HttpGraphQlClient manager = new Api(port, minter).as("hub-manager", PlatformRole.MODEL_MANAGER);

        ClientGraphQlResponse acquire = manager.document("mutation { acquireHubModel(repo: \"" + REPO + "\") }")
                .execute().block(Api.timeout());
        ClientGraphQlResponse search = manager.document("{ hubModels(first: 5) { repo } }").execute().block(Api.timeout());

        assertThat(acquire.getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN"));
        assertThat(search.getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN"));
    }
}
