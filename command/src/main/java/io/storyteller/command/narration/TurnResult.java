package io.storyteller.command.narration;

import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.ContextSource;
import java.util.List;

/**
 * How a turn ended: the winning candidate and the text to record (redacted when so decided), or
 * the reason no candidate may be shown; every candidate's report; why the winner won; the facts
 * the continuity check held the winner against; whether no candidate answered because every
 * narrator's provider was down ({@code providersDown}, which a failover may make up for).
 */
record TurnResult(Candidate winner, String text, List<CandidateReport> reports, String selection, String refusal,
        List<ContextSource> factsUsed, boolean providersDown) {

    boolean narrated() {
        return winner != null;
    }
}
