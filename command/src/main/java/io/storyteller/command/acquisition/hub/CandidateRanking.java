package io.storyteller.command.acquisition.hub;

import io.storyteller.domain.acquisition.AcquiredCandidate;
import io.storyteller.domain.acquisition.AcquisitionValidation;
import io.storyteller.domain.acquisition.AcquisitionView;
import io.storyteller.domain.acquisition.HubModelCandidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Ranks Hub models as candidates for a slot. Eligibility comes first: a license on the allow-list
 * and a known size within the limit (an unknown size is not held against a model — the download
 * checks it again). Among equals, a model the platform has evaluated comes before one it has not,
 * the better score first; downloads only break ties, then the repository id, so the order is
 * always the same.
 *
 * <p>Acquired versions are ranked by the same eligibility, then by their validation against the
 * slot's incumbent: passed before failed before not (yet) validated, then by wins − losses; the
 * newest acquisition breaks ties.
 */
final class CandidateRanking {

    private static final Comparator<HubModelCandidate> ORDER = Comparator
            .comparing((HubModelCandidate c) -> !c.eligible())
            .thenComparing(c -> c.evaluationScore() == null)
            .thenComparing(c -> c.evaluationScore() == null ? 0 : -c.evaluationScore())
            .thenComparing(c -> -c.downloads())
            .thenComparing(HubModelCandidate::repo);

    private static final Comparator<AcquiredCandidate> ACQUIRED_ORDER = Comparator
            .comparing((AcquiredCandidate c) -> !c.eligible())
            .thenComparing(c -> c.passed() == null ? 2 : c.passed() ? 0 : 1)
            .thenComparing(c -> -(c.wins() - c.losses()));

    private final Set<String> licenses;
    private final long maxSizeBytes;

    CandidateRanking(Set<String> licenses, long maxSizeBytes) {
        this.licenses = Set.copyOf(licenses);
        this.maxSizeBytes = maxSizeBytes;
    }

    /** @param scores evaluation scores by repository id, for the models that have one */
    List<HubModelCandidate> rank(List<HubListing> listings, Map<String, Double> scores) {
        List<HubModelCandidate> candidates = new ArrayList<>();
        for (HubListing listing : listings) {
            boolean licensed = listing.license() != null && licenses.contains(listing.license());
            boolean fits = listing.sizeBytes() == null || listing.sizeBytes() <= maxSizeBytes;
            candidates.add(new HubModelCandidate(listing.repo(), listing.task(), listing.library(), listing.license(),
                    listing.downloads(), listing.sizeBytes(), listing.gated(), scores.get(listing.repo()), licensed, fits, 0));
        }
        candidates.sort(ORDER);
        List<HubModelCandidate> ranked = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            HubModelCandidate c = candidates.get(i);
            ranked.add(new HubModelCandidate(c.repo(), c.task(), c.library(), c.license(), c.downloads(), c.sizeBytes(),
                    c.gated(), c.evaluationScore(), c.licenseAllowed(), c.withinSizeLimit(), i + 1));
        }
        return List.copyOf(ranked);
    }

    /** @param acquisitions completed acquisitions, newest first (the order that breaks ties) */
    List<AcquiredCandidate> rankAcquired(List<AcquisitionView> acquisitions) {
        List<AcquiredCandidate> candidates = new ArrayList<>();
        for (AcquisitionView acquisition : acquisitions) {
            if (acquisition.model() == null) {
                continue;
            }
            AcquisitionValidation validation = acquisition.validation();
            long size = acquisition.totalBytes() == null ? 0 : acquisition.totalBytes();
            candidates.add(new AcquiredCandidate(0, acquisition.acquisitionId(), acquisition.repo(), acquisition.model(),
                    acquisition.license(), size, validation == null ? null : validation.validationId(),
                    validation == null ? null : validation.passed(), count(validation, AcquisitionValidation::wins),
                    count(validation, AcquisitionValidation::losses), count(validation, AcquisitionValidation::ties),
                    acquisition.license() != null && licenses.contains(acquisition.license().toLowerCase(Locale.ROOT)),
                    size <= maxSizeBytes));
        }
        // A stable sort: among equals the newest acquisition stays first.
        candidates.sort(ACQUIRED_ORDER);
        List<AcquiredCandidate> ranked = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            AcquiredCandidate c = candidates.get(i);
            ranked.add(new AcquiredCandidate(i + 1, c.acquisitionId(), c.repo(), c.model(), c.license(), c.sizeBytes(),
                    c.validationId(), c.passed(), c.wins(), c.losses(), c.ties(), c.licenseAllowed(), c.withinSizeLimit()));
        }
        return List.copyOf(ranked);
    }

    private static int count(AcquisitionValidation validation, Function<AcquisitionValidation, Integer> field) {
        Integer value = validation == null ? null : field.apply(validation);
        return value == null ? 0 : value;
    }
}
