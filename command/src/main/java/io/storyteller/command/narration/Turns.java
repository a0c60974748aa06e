package io.storyteller.command.narration;

import io.storyteller.command.narration.pipeline.CandidateJudge;
import io.storyteller.command.narration.pipeline.Decision;
import io.storyteller.command.narration.pipeline.HarmGuard;
import io.storyteller.command.narration.pipeline.Judgement;
import io.storyteller.command.narration.pipeline.Redaction;
import io.storyteller.command.narration.pipeline.Selection;
import io.storyteller.command.narration.pipeline.TurnGround;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.ContextSource;
import io.storyteller.domain.world.NarrationPolicy;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Runs a turn through the pipeline: a round of candidates from the ensemble, every one reviewed,
 * scored by the detector and checked by the guardrail, then a decision ({@link Selection}); a
 * round that leaves nothing to show regenerates with feedback, within the world's tries.
 */
final class Turns {

    private final Ensemble ensemble;
    private final CandidateJudge judge;
    private final HarmGuard guard;

    Turns(Ensemble ensemble, CandidateJudge judge, HarmGuard guard) {
        this.ensemble = ensemble;
        this.judge = judge;
        this.guard = guard;
    }

    TurnResult run(TurnGround ground, NarrationPolicy policy, List<NarratorSource> sources, Prompt prompt) {
        List<Candidate> candidates = new ArrayList<>();
        List<Judgement> judged = new ArrayList<>();
        Prompt asked = prompt;
        Decision decision;
        int round = 0;
        do {
            round++;
            List<Candidate> generated = ensemble.generate(sources, policy.candidates(), asked, policy.deadline(), round,
                    candidates.size());
            candidates.addAll(generated);
            judged.addAll(judge.judge(ground, generated.stream().map(Candidate::draft).toList()));
            decision = Selection.decide(judged, policy, ground.rating(), round);
            if (decision instanceof Decision.Regenerate regenerate) {
                asked = withFeedback(prompt, regenerate.feedback());
            }
        } while (decision instanceof Decision.Regenerate);

        String text = null;
        Judgement winner = null;
        String selection = null;
        if (decision instanceof Decision.Chosen chosen) {
            winner = chosen.winner();
            text = winner.draft().text();
            selection = chosen.reason();
        } else if (decision instanceof Decision.Redact redact) {
            text = Redaction.redact(guard, ground.worldId(), ground.storyId(), ground.rating(), redact.candidate().draft().text());
            if (text != null) {
                winner = redact.candidate();
                selection = redact.reason();
            } else {
                decision = new Decision.Refuse("every candidate went beyond what the world's content rating ("
                        + ground.rating() + ") allows, and too little was left once redacted");
            }
        }
        List<CandidateReport> reports = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            reports.add(report(candidates.get(i), judged.get(i), decision, policy.detectorThreshold()));
        }
        if (winner == null) {
            String reason = candidates.stream().allMatch(c -> c.text() == null) ? failures(candidates)
                    : ((Decision.Refuse) decision).reason();
            boolean providersDown = candidates.stream().allMatch(c -> c.text() == null && c.outage());
            return new TurnResult(null, null, reports, null, reason, List.of(), providersDown);
        }
        List<ContextSource> facts = winner.factsUsed();
        return new TurnResult(candidates.get(judged.indexOf(winner)), text, reports, selection, null, facts, false);
    }

    private static CandidateReport report(Candidate candidate, Judgement judgement, Decision decision, double threshold) {
        NarratorSource source = candidate.source();
        GeneratedNarration generated = candidate.generated();
        return new CandidateReport(candidate.index(), candidate.round(),
                source.route() == null ? null : source.route().deploymentId(),
                source.route() == null ? null : source.route().arm(),
                source.route() == null ? null : source.route().rolloutId(),
                source.route() == null ? null : source.route().rolloutStep(),
                source.served() != null ? source.served().modelId() : source.modelName(),
                source.served() != null ? source.served().version() : null,
                candidate.text(), candidate.failure(), candidate.latencyMillis(),
                generated == null || generated.promptTokens() == null ? 0 : generated.promptTokens(),
                generated == null || generated.completionTokens() == null ? 0 : generated.completionTokens(),
                judgement.scores(), Selection.outcome(judgement, decision, threshold), judgement.stages());
    }

    /** Why every candidate failed: their reasons, each once, the first first. */
    private static String failures(List<Candidate> candidates) {
        return String.join("; ", candidates.stream().map(Candidate::failure).distinct().toList());
    }

    /** The turn's prompt with the reason the last round was not used, as the player's side of the conversation. */
    static Prompt withFeedback(Prompt prompt, String feedback) {
        List<Message> messages = new ArrayList<>(prompt.getInstructions());
        messages.add(new UserMessage(feedback));
        return new Prompt(messages, prompt.getOptions());
    }
}
