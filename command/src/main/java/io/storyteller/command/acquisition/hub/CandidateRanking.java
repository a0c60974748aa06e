package io.storyteller.command.acquisition.hub;

import io.storyteller.domain.acquisition.HubModelCandidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks Hub models as candidates for a slot. Eligibility comes first: a license on the allow-list
 * and a known size within the limit (an unknown size is not held against a model — the download
 * checks it again). Among equals, a model the platform has evaluated comes before one it has not,
 * the better score first; downloads only break ties, then the repository id, so the order is
 * always the same.
 */
final class CandidateRanking {

    private static final Comparator<HubModelCandidate> ORDER = Comparator
            .comparing((HubModelCandidate c) -> !c.eligible())
            .thenComparing(c -> c.evaluationScore() == null)
            .thenComparing(c -> c.evaluationScore() == null ? 0 : -c.evaluationScore())
            .thenComparing(c -> -c.downloads())
            .thenComparing(HubModelCandidate::repo);

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
}
