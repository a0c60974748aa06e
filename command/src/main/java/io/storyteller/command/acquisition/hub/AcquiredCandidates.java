package io.storyteller.command.acquisition.hub;

import io.storyteller.domain.acquisition.AcquiredCandidate;
import io.storyteller.domain.acquisition.AcquisitionAuthority;
import io.storyteller.domain.acquisition.AcquisitionStatus;
import io.storyteller.domain.acquisition.AcquisitionView;
import io.storyteller.domain.acquisition.FindAcquiredCandidates;
import io.storyteller.domain.acquisition.FindAcquisitions;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Which downloaded models are best for a use case: its completed acquisitions, read from the
 * acquisitions' read model, ranked by {@link CandidateRanking} within the Hub's license allow-list
 * and size limit ({@code storyteller.hub.licenses}, {@code storyteller.hub.max-size}).
 */
public class AcquiredCandidates {

    /** The newest completed acquisitions considered: the read model answers at most this many. */
    static final int CONSIDERED = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final QueryGateway queries;
    private final CandidateRanking ranking;

    AcquiredCandidates(QueryGateway queries, HubProperties properties) {
        this.queries = queries;
        this.ranking = new CandidateRanking(new HashSet<>(properties.licenses()), properties.maxSize().toBytes());
    }

    @QueryHandler
    public List<AcquiredCandidate> handle(FindAcquiredCandidates query) {
        Actor viewer = AcquisitionAuthority.require(query.viewer());
        UseCase useCase = Require.present("useCase", query.useCase());
        return ranking.rankAcquired(completed(useCase, viewer));
    }

    private List<AcquisitionView> completed(UseCase useCase, Actor viewer) {
        try {
            return queries.query(new FindAcquisitions(CONSIDERED, viewer, AcquisitionStatus.COMPLETED, useCase),
                    ResponseTypes.multipleInstancesOf(AcquisitionView.class)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainRejection.conflict("acquisitions", "readable", "interrupted while reading the acquisitions");
        } catch (Exception e) {
            throw DomainRejection.conflict("acquisitions", "readable", "the acquisitions could not be read");
        }
    }
}
