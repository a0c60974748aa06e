package io.storyteller.command.acquisition.hub;

import io.storyteller.domain.acquisition.AcquisitionAuthority;
import io.storyteller.domain.acquisition.HubModelCandidate;
import io.storyteller.domain.acquisition.HubRevision;
import io.storyteller.domain.acquisition.ListHubFiles;
import io.storyteller.domain.acquisition.SearchHubModels;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.HashSet;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;

/** Answers Hub searches, ranked for acquisition, and a repository's files at a revision; platform admins only. */
public class HubSearch {

    static final int MAX_FIRST = 100;

    private final HubClient client;
    private final HubRegistry registry;
    private final CandidateRanking ranking;

    HubSearch(HubClient client, HubRegistry registry, HubProperties properties) {
        this.client = client;
        this.registry = registry;
        this.ranking = new CandidateRanking(new HashSet<>(properties.licenses()), properties.maxSize().toBytes());
    }

    @QueryHandler
    public List<HubModelCandidate> handle(SearchHubModels query) {
        AcquisitionAuthority.require(query.viewer());
        int first = Require.range("first", query.first(), 1, MAX_FIRST);
        String search = Require.optionalText("search", query.search(), 200);
        String task = Require.optionalText("task", query.task(), 100);
        // Popularity picks which models are looked at; the ranking decides their order.
        try {
            return ranking.rank(client.search(search, task, first), registry.scores());
        } catch (HubUnavailableException e) {
            throw rejection(e);
        }
    }

    @QueryHandler
    public HubRevision handle(ListHubFiles query) {
        AcquisitionAuthority.require(query.viewer());
        String revision = query.revision() == null || query.revision().isBlank() ? "main" : query.revision();
        try {
            return client.revision(query.repo(), revision);
        } catch (HubUnavailableException e) {
            throw rejection(e);
        }
    }

    /** The Hub's failure as the API shows it: its message is safe (no body, no token). */
    private static DomainRejection rejection(HubUnavailableException e) {
        return e.getMessage().contains("HTTP 404") ? DomainRejection.notFound("repo", e.getMessage())
                : DomainRejection.conflict("hub", "reachable", e.getMessage());
    }
}
