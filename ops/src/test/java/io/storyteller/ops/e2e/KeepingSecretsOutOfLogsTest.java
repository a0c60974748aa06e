package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * No bearer token, scraper password or forged credential reaches a log line, even with the web,
 * security, GraphQL and Axon loggers at DEBUG; and the lines of a traced request carry its trace id.
 */
@EndToEnd
@ExtendWith(OutputCaptureExtension.class)
class KeepingSecretsOutOfLogsTest {

    private static final List<String> CHATTY = List.of("org.springframework.web", "org.springframework.security",
            "org.springframework.graphql", "org.axonframework", "io.storyteller", "org.apache.coyote.http11");

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Autowired
    LoggingSystem logging;

    private final Map<String, LogLevel> configured = new HashMap<>();

    @BeforeEach
    void debugEverywhere() {
        for (String logger : CHATTY) {
            LoggerConfiguration configuration = logging.getLoggerConfiguration(logger);
            configured.put(logger, configuration == null ? null : configuration.getConfiguredLevel());
            logging.setLogLevel(logger, LogLevel.DEBUG);
        }
    }

    @AfterEach
    void quietAgain() {
        configured.forEach(logging::setLogLevel);
    }

    @Test
    void credentialsOfEveryKindStayOutOfTheLog(CapturedOutput output) {
        Api api = new Api(port, minter);
        String token = api.token("secretive-admin", PlatformRole.WORLD_ADMIN);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "Zm9yZ2VkLXNpZ25hdHVyZS1zZWNyZXQ";
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        post("Bearer " + token, "00-" + traceId + "-00f067aa0ba902b7-01",
                """
                mutation { createWorld(settings: {name: "Quiet Harbour", premise: "Fog.", genre: "mystery",
                                                  tone: "calm", contentRating: TEEN}) { worldId } }""");
        post("Bearer " + forged, null, "{ me { userId } }");
        post("Basic " + HttpHeaders.encodeBasicAuth("prometheus", TemporaryDataDir.SCRAPER_PASSWORD, null), null,
                "{ me { userId } }");
        WebClient.create("http://localhost:" + port + "/actuator/prometheus").get()
                .header(HttpHeaders.AUTHORIZATION,
                        "Basic " + HttpHeaders.encodeBasicAuth("prometheus", TemporaryDataDir.SCRAPER_PASSWORD, null))
                .retrieve().toBodilessEntity().block(Api.timeout());

        String log = output.getAll();
        assertThat(log).as("the DEBUG loggers wrote something of these requests").contains("/graphql");
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertThat(log).doesNotContain(token, signature, forged, "Zm9yZ2VkLXNpZ25hdHVyZS1zZWNyZXQ",
                TemporaryDataDir.SCRAPER_PASSWORD,
                HttpHeaders.encodeBasicAuth("prometheus", TemporaryDataDir.SCRAPER_PASSWORD, null));
        assertThat(log.lines().filter(line -> line.contains("/graphql")))
                .as("lines of the traced request carry its trace id").anyMatch(line -> line.contains(traceId));
    }

    private void post(String authorization, String traceparent, String query) {
        WebClient.create("http://localhost:" + port + "/graphql").post()
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    if (traceparent != null) {
                        headers.set("traceparent", traceparent);
                    }
                })
                .bodyValue(Map.of("query", query))
                .exchangeToMono(response -> response.toEntity(String.class))
                .block(Api.timeout());
    }
}
