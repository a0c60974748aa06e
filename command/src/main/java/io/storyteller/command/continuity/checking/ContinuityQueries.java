package io.storyteller.command.continuity.checking;

import io.storyteller.command.continuity.Breach;
import io.storyteller.command.continuity.ContinuityCheck;
import io.storyteller.command.continuity.ContinuityVerdict;
import io.storyteller.command.continuity.StoryFactsFold;
import io.storyteller.command.continuity.StoryLine;
import io.storyteller.domain.continuity.CheckContinuity;
import io.storyteller.domain.continuity.ContinuityFinding;
import io.storyteller.domain.continuity.ContinuityReport;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Runs the continuity engine on a case a platform admin writes (lore, a story, a candidate), as the
 * narration pipeline runs it on a turn: to evaluate and explain the engine. Inputs are bounded and
 * every rejection names the field and the rule.
 */
@Component
public class ContinuityQueries {

    static final int MAX_LORE_ENTRIES = 100;
    static final int MAX_LORE_LENGTH = 4000;
    static final int MAX_STORY_LINES = 200;
    static final int MAX_LINE_LENGTH = 8000;
    static final int MAX_CANDIDATE_LENGTH = 8000;

    private final ContinuityCheck check;

    public ContinuityQueries(ContinuityCheck check) {
        this.check = check;
    }

    @QueryHandler
    public ContinuityReport handle(CheckContinuity query) {
        if (!AccessPolicy.hasPlatformAuthority(query.viewer())) {
            throw DomainRejection.forbidden("role:platform-admin", "only platform admins check continuity by hand");
        }
        List<String> lore = lines("lore", query.lore(), MAX_LORE_ENTRIES, MAX_LORE_LENGTH);
        List<StoryLine> story = lines("story", query.story(), MAX_STORY_LINES, MAX_LINE_LENGTH).stream()
                .map(StoryLine::parse).toList();
        String candidate = Require.text("candidate", query.candidate(), MAX_CANDIDATE_LENGTH);
        return report(check.check(lore, story, candidate));
    }

    /** Each line required and bounded, in order and with repeats kept (a story may say a thing twice). */
    private static List<String> lines(String field, List<String> given, int maxCount, int maxLength) {
        List<String> lines = Require.present(field, given);
        if (lines.size() > maxCount) {
            throw DomainRejection.invalid(field, "max-count:" + maxCount, field + " may hold at most " + maxCount + " entries");
        }
        List<String> checked = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            checked.add(Require.text(field + "[" + i + "]", lines.get(i), maxLength));
        }
        return checked;
    }

    static ContinuityReport report(ContinuityVerdict verdict) {
        List<ContinuityFinding> findings = verdict.contradictions().stream().map(ContinuityQueries::finding).toList();
        return new ContinuityReport(verdict.consistent(), findings,
                verdict.factsUsed().stream().map(StoryFactsFold::toStoryFact).toList());
    }

    private static ContinuityFinding finding(Breach contradiction) {
        return new ContinuityFinding(contradiction.kind().label(), StoryFactsFold.toStoryFact(contradiction.fact()),
                contradiction.evidence(), contradiction.explanation());
    }
}
