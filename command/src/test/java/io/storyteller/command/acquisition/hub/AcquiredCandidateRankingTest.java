package io.storyteller.command.acquisition.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.acquisition.AcquiredCandidate;
import io.storyteller.domain.acquisition.AcquisitionStatus;
import io.storyteller.domain.acquisition.AcquisitionValidation;
import io.storyteller.domain.acquisition.AcquisitionView;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Acquired versions are ranked by their validation against the slot's incumbent, within the license
 * and size limits: passed before failed before not validated, then wins − losses.
 */
class AcquiredCandidateRankingTest {

    private final CandidateRanking ranking = new CandidateRanking(Set.of("apache-2.0", "mit"), 1_000);

    private static AcquisitionView acquired(String repo, String license, long size, AcquisitionValidation validation) {
        return new AcquisitionView("acq-" + repo, repo, "main", "c".repeat(40), UseCase.NARRATOR, AcquisitionStatus.COMPLETED,
                license, size, "d".repeat(64), new ModelRef("huggingface:" + repo, "c".repeat(40)), null, null, null,
                "ada", Instant.EPOCH, null, null, null, null, Instant.EPOCH, null, null, List.of(), validation);
    }

    private static AcquisitionValidation validated(boolean passed, int wins, int losses) {
        return new AcquisitionValidation("v", passed, wins, losses, 0, List.of(), Instant.EPOCH, Instant.EPOCH);
    }

    private static final AcquisitionValidation PENDING = new AcquisitionValidation("v", null, null, null, null, List.of(),
            Instant.EPOCH, null);

    private List<String> order(AcquisitionView... acquisitions) {
        return ranking.rankAcquired(List.of(acquisitions)).stream().map(AcquiredCandidate::repo).toList();
    }

    @Test
    void aPassedValidationOutranksAFailedOneWhateverTheirWins() {
        assertThat(order(acquired("failed-often-winning", "mit", 10, validated(false, 50, 10)),
                acquired("passed", "mit", 10, validated(true, 3, 2))))
                .containsExactly("passed", "failed-often-winning");
    }

    @Test
    void amongPassedOnesWinsMinusLossesDecides() {
        assertThat(order(acquired("narrow", "mit", 10, validated(true, 10, 9)),
                acquired("clear", "apache-2.0", 10, validated(true, 8, 1))))
                .containsExactly("clear", "narrow");
    }

    @Test
    void oneNotYetValidatedComesAfterEveryValidatedOneAndTheNewestBreaksTies() {
        assertThat(order(acquired("waiting", "mit", 10, PENDING), acquired("never-asked", "mit", 10, null),
                acquired("failed", "mit", 10, validated(false, 0, 5))))
                .containsExactly("failed", "waiting", "never-asked");
    }

    @Test
    void aLicenseOffTheListOrASizeOverTheLimitRanksAfterEveryEligibleOne() {
        List<AcquiredCandidate> ranked = ranking.rankAcquired(List.of(
                acquired("proprietary", "other", 10, validated(true, 90, 0)),
                acquired("huge", "MIT", 5_000, validated(true, 90, 0)),
                acquired("modest", "mit", 10, validated(false, 0, 3))));

        assertThat(ranked).extracting(AcquiredCandidate::repo).containsExactly("modest", "proprietary", "huge");
        assertThat(ranked).extracting(AcquiredCandidate::rank).containsExactly(1, 2, 3);
        assertThat(ranked.get(1).licenseAllowed()).isFalse();
        assertThat(ranked.get(2).licenseAllowed()).isTrue();
        assertThat(ranked.get(2).withinSizeLimit()).isFalse();
        assertThat(ranked.getFirst().losses()).isEqualTo(3);
    }
}
