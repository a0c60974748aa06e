package io.storyteller.graphql.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.model.DiscoveryReport;
import io.storyteller.domain.model.FindDiscoveryRuns;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.model.ProviderScan;
import io.storyteller.domain.model.ScanProviders;
import io.storyteller.graphql.ApiTest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** discoverModels sends ScanProviders carrying the caller and shows its report; discoveryRuns asks for the latest runs. */
class DiscoveryApiTest extends ApiTest {

    private static final String DISCOVER = """
            mutation { discoverModels { startedAt finishedAt requestedBy
              providers { provider ok modelsSeen modelsRegistered versionsAdded modelsRejected error } } }""";
    private static final DiscoveryReport REPORT = new DiscoveryReport(Instant.parse("2026-11-21T18:00:00Z"),
            Instant.parse("2026-11-21T18:00:02Z"), "meta", List.of(
                    new ProviderScan("openai", true, 12, 2, 0, 0, null),
                    new ProviderScan("ollama", false, 0, 0, 0, 0, "http://gpu-box:11434 refused the connection")));

    @BeforeEach
    void scanLikeDiscovery() {
        commands.answerWith(command -> {
            try {
                ModelAuthority.require(((ScanProviders) command).actor());
                return CompletableFuture.completedFuture(REPORT);
            } catch (RuntimeException refused) {
                return CompletableFuture.failedFuture(refused);
            }
        });
    }

    @Test
    void discoverModels_sends_ScanProviders_and_answers_the_report() {
        JsonNode report = asManager(DISCOVER).at("/data/discoverModels");

        assertThat(commands.onlyCommand()).isEqualTo(new ScanProviders(MANAGER));
        assertThat(report.at("/requestedBy").asText()).isEqualTo("meta");
        assertThat(report.at("/finishedAt").asText()).isEqualTo("2026-11-21T18:00:02.000Z");
        assertThat(report.at("/providers/0/provider").asText()).isEqualTo("openai");
        assertThat(report.at("/providers/0/ok").asBoolean()).isTrue();
        assertThat(report.at("/providers/0/modelsSeen").asInt()).isEqualTo(12);
        assertThat(report.at("/providers/0/modelsRegistered").asInt()).isEqualTo(2);
        assertThat(report.at("/providers/0/error").isNull()).isTrue();
        assertThat(report.at("/providers/1/ok").asBoolean()).isFalse();
        assertThat(report.at("/providers/1/error").asText()).isEqualTo("http://gpu-box:11434 refused the connection");
    }

    @Test
    void a_player_may_not_scan() {
        JsonNode error = graphQl(DISCOVER).at("/errors/0");

        assertThat(error.at("/extensions/classification").asText()).isEqualTo("FORBIDDEN");
        assertThat(commands.onlyCommand()).isEqualTo(new ScanProviders(ALICE));
    }

    @Test
    void discoveryRuns_asks_for_the_latest_runs() {
        queries.answer(FindDiscoveryRuns.class, query -> List.of(REPORT));

        JsonNode runs = asManager("{ discoveryRuns(limit: 3) { requestedBy providers { provider ok } } }")
                .at("/data/discoveryRuns");

        assertThat(queries.asked()).containsExactly(new FindDiscoveryRuns(3, MANAGER));
        assertThat(runs).hasSize(1);
        assertThat(runs.at("/0/providers/1/provider").asText()).isEqualTo("ollama");
    }
}
