package io.storyteller.command.acquisition.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.acquisition.HubModelCandidate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Candidates are ranked by evaluation within the license and size limits; popularity only breaks ties. */
class CandidateRankingTest {

    private final CandidateRanking ranking = new CandidateRanking(Set.of("apache-2.0", "mit"), 1_000);

    private static HubListing listing(String repo, String license, long downloads, Long size) {
        return new HubListing(repo, "text-generation", "onnx", license, downloads, size, false);
    }

    private List<String> order(List<HubListing> listings, Map<String, Double> scores) {
        return ranking.rank(listings, scores).stream().map(HubModelCandidate::repo).toList();
    }

    @Test
    void anEvaluatedModelOutranksAMorePopularOneThatIsNot() {
        assertThat(order(List.of(listing("popular", "mit", 1_000_000, 10L), listing("proven", "mit", 10, 10L)),
                Map.of("proven", 3.5))).containsExactly("proven", "popular");
    }

    @Test
    void theBetterScoreComesFirst() {
        assertThat(order(List.of(listing("good", "mit", 5, 10L), listing("better", "apache-2.0", 1, 10L)),
                Map.of("good", 3.0, "better", 4.2))).containsExactly("better", "good");
    }

    @Test
    void aLicenseOffTheListOrASizeOverTheLimitRanksAfterEveryEligibleModel() {
        List<HubModelCandidate> ranked = ranking.rank(List.of(listing("best-but-proprietary", "other", 9_999, 10L),
                listing("huge", "mit", 9_999, 5_000L), listing("unknown-license", null, 9_999, 10L),
                listing("modest", "mit", 3, 10L)), Map.of("best-but-proprietary", 5.0, "huge", 5.0));

        assertThat(ranked).extracting(HubModelCandidate::repo)
                .containsExactly("modest", "best-but-proprietary", "huge", "unknown-license");
        assertThat(ranked).extracting(HubModelCandidate::rank).containsExactly(1, 2, 3, 4);
        assertThat(ranked.get(1).licenseAllowed()).isFalse();
        assertThat(ranked.get(2).withinSizeLimit()).isFalse();
    }

    @Test
    void downloadsOnlyBreakTiesAndAnUnknownSizeIsNotHeldAgainstAModel() {
        assertThat(order(List.of(listing("quiet", "mit", 10, null), listing("loud", "mit", 500, 10L),
                listing("also-loud", "mit", 500, 10L)), Map.of()))
                .containsExactly("also-loud", "loud", "quiet");
    }
}
