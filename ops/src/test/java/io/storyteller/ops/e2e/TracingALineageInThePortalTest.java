package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;

/**
 * The model manager follows, on a model's page, the lineage of each of its versions, not only the
 * latest's: a self-hosted narrator whose version 1 was tuned from a tuned copy of a paid base, and
 * whose version 2 derives from that base directly.
 */
@EndToEnd
class TracingALineageInThePortalTest {

    private static final Duration PATIENCE = Duration.ofMinutes(1);

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Test
    void choosingAnOlderVersionShowsItsOwnChainBackToTheRoot() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        HttpGraphQlClient manager = new Api(port, minter).as("lineage-manager-" + tag, PlatformRole.MODEL_MANAGER);
        String base = register(manager, "base-" + tag, "PAID_API");
        String tuned = register(manager, "tuned-" + tag, "SELF_HOSTED");
        String narrator = register(manager, "narrator-" + tag, "SELF_HOSTED");
        addVersion(manager, base, "1", null);
        addVersion(manager, tuned, "1", base);
        addVersion(manager, narrator, "1", tuned);
        addVersion(manager, narrator, "2", base);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(manager
                .document("query($id: ID!) { model(id: $id) { lineage(version: \"1\") { chain { ref { modelId } } } } }")
                .variable("id", narrator).retrieve("model.lineage.chain").toEntityList(Map.class).block(Api.timeout()))
                .hasSize(3));

        try (PortalBrowser browser = new PortalBrowser(port)) {
            browser.signIn("lineage-reader-" + tag, "MODEL_MANAGER");
            browser.open("/admin#/models/" + narrator);
            browser.waitForText(By.id("lineage-title"), "Lineage of version 2, the latest");
            assertThat(browser.texts(By.cssSelector("#lineage li"))).satisfiesExactly(
                    step -> assertThat(step).contains(narrator + " v2"),
                    step -> assertThat(step).contains("derived from " + base + " v1").contains("paid api"));
            assertThat(pressed(browser, "2")).isEqualTo("true");

            browser.click(By.cssSelector("#versions [data-version='1'] button.show-lineage"));
            browser.waitForText(By.id("lineage-title"), "Lineage of version 1");
            browser.waitUntil("version 1's chain shows", () -> browser.texts(By.cssSelector("#lineage li")).size() == 3);
            assertThat(browser.texts(By.cssSelector("#lineage li"))).satisfiesExactly(
                    step -> assertThat(step).contains(narrator + " v1").contains("self hosted"),
                    step -> assertThat(step).contains("derived from " + tuned + " v1"),
                    step -> assertThat(step).contains("which derives from " + base + " v1"));
            assertThat(pressed(browser, "1")).isEqualTo("true");
            assertThat(pressed(browser, "2")).isEqualTo("false");
            browser.screenshotFromTop("model-lineage");

            // the links of the chain lead to each ancestor's own page
            browser.click(By.linkText(tuned + " v1"));
            browser.waitForText(By.id("model-id"), tuned);
            browser.waitForText(By.id("lineage-title"), "Lineage of version 1, the latest");
            assertThat(browser.texts(By.cssSelector("#lineage li"))).hasSize(2);
        }
    }

    private static String pressed(PortalBrowser browser, String version) {
        return browser.visible(By.cssSelector("#versions [data-version='" + version + "'] button.show-lineage"))
                .getAttribute("aria-pressed");
    }

    private static String register(HttpGraphQlClient manager, String name, String source) {
        return run(manager, "mutation($input: RegisterModelInput!) { registerModel(input: $input) { modelId } }",
                Map.of("input", Map.of("provider", "lineage", "providerModelId", name, "kind", "CHAT",
                        "capabilities", List.of("narration"), "contextWindow", 4096,
                        "price", Map.of("inputPerMillion", 0, "outputPerMillion", 0), "license", "apache-2.0",
                        "source", source)), "registerModel.modelId");
    }

    private static void addVersion(HttpGraphQlClient manager, String modelId, String version, String derivedFrom) {
        Map<String, Object> input = new HashMap<>(Map.of("version", version));
        if (derivedFrom != null) {
            input.put("derivedFrom", Map.of("modelId", derivedFrom, "version", "1"));
        }
        run(manager, "mutation($modelId: ID!, $input: ModelVersionInput!) { addModelVersion(modelId: $modelId, input: $input) { version } }",
                Map.of("modelId", modelId, "input", input), "addModelVersion.version");
    }

    private static String run(HttpGraphQlClient client, String document, Map<String, Object> variables, String path) {
        ClientGraphQlResponse response = client.document(document).variables(variables).execute().block(Api.timeout());
        assertThat(response).isNotNull();
        assertThat(response.getErrors()).as(document).isEmpty();
        return response.field(path).toEntity(String.class);
    }
}
