package io.storyteller.domain.deployment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A use-case slot (globally or per world): the stable model version that serves it and at most
 * one rollout of a candidate in progress, which the slot itself advances, promotes or rolls back
 * on the metrics it is given.
 * <p>
 * Its snapshot (JSON) is its fields, not its methods.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class Deployment {

    static final String AUTO_SWITCH = "auto-switch";

    @AggregateIdentifier
    private String deploymentId;
    private ModelRef stable;
    private UseCase useCase;
    private Rollout rollout;
    /** Every rollout id ever used here, so an analysis or a command never reaches an older rollout. */
    private final Set<String> rolloutIds = new HashSet<>();
    /** When the slot was created; null in a snapshot taken before it was kept. */
    private Instant createdAt;
    private final AutoSwitchMemory autoSwitch = new AutoSwitchMemory();

    protected Deployment() {
    }

    /** Created through {@link DeploymentAdmission}, which first checks that the slot's world exists. */
    Deployment(CreateDeployment command) {
        String id = Require.id("deploymentId", command.deploymentId());
        Actor actor = ModelAuthority.require(command.actor());
        UseCase useCase = Require.present("useCase", command.useCase());
        String worldId = command.worldId() == null || command.worldId().isBlank()
                ? null : Require.id("worldId", command.worldId());
        ModelRef model = Require.present("stable", command.stable()).validated("stable");
        String slot = DeploymentIds.of(useCase, worldId);
        if (!id.equals(slot)) {
            throw DomainRejection.invalid("deploymentId", "slot-key", "this slot's id is " + slot + ", not " + id);
        }
        apply(new DeploymentCreated(id, useCase, worldId, model, actor.userId()));
    }

    /** Through {@link DeploymentAdmission}, which first checks that the model version is servable. */
    void replaceStable(ReplaceStableModel command) {
        Actor actor = ModelAuthority.require(command.actor());
        requireNoRollout();
        ModelRef model = Require.present("stable", command.stable()).validated("stable");
        String reason = Require.text("reason", command.reason(), 1000);
        if (!model.equals(stable)) {
            apply(new StableModelReplaced(deploymentId, model, stable, reason, actor.userId()));
        }
    }

    /** Through {@link DeploymentAdmission}, which first checks that the candidate is servable. */
    void startRollout(StartRollout command) {
        Actor actor = ModelAuthority.require(command.actor());
        requireNoRollout();
        String rolloutId = requireNewRolloutId(command.rolloutId());
        ModelRef candidate = requireCandidate(command.candidate());
        RolloutStrategy strategy = Require.present("strategy", command.strategy()).validated("strategy");
        if (useCase == UseCase.DETECTOR && strategy.gates().maxDetectorScore() != null) {
            // a detector that calls everything human would pass its own score's gate
            throw DomainRejection.invalid("strategy.gates.maxDetectorScore", "not-for-detector",
                    "a detector rollout is not gated on the detector's own score");
        }
        start(rolloutId, candidate, strategy, Require.text("reason", command.reason(), 1000), actor);
    }

    @CommandHandler
    public void handle(AnalyzeRollout command) {
        Actor actor = ModelAuthority.require(command.actor());
        Rollout current = requireMoving(command.rolloutId());
        if (command.step() != current.step()) {
            throw DomainRejection.conflict("step", "current",
                    "rollout " + current.rolloutId() + " stands at step " + current.step() + ", not " + command.step());
        }
        ArmMetrics stableArm = Require.present("stable", command.stable()).validated("stable");
        ArmMetrics candidateArm = Require.present("candidate", command.candidate()).validated("candidate");
        RolloutAnalysis analysis = RolloutAnalysis.of(current.strategy(), current.step(), stableArm, candidateArm);
        apply(new RolloutAnalyzed(deploymentId, current.rolloutId(), current.step(), current.phase(), stableArm,
                candidateArm, analysis.results(), analysis.verdict(), analysis.rationale(), actor.userId()));
        switch (analysis.verdict()) {
            case HOLD -> {
            }
            case ADVANCE -> advance(current, actor);
            case PROMOTE -> apply(new RolloutPromoted(deploymentId, current.rolloutId(), current.candidate(), stable,
                    analysis.rationale(), actor.userId()));
            case ROLLBACK -> apply(new RolloutRolledBack(deploymentId, current.rolloutId(), current.candidate(),
                    analysis.rationale(), actor.userId()));
        }
    }

    @CommandHandler
    public void handle(EndShadowPhase command) {
        Actor actor = ModelAuthority.require(command.actor());
        Rollout current = requireMoving(command.rolloutId());
        if (current.phase() != RolloutPhase.SHADOW) {
            throw DomainRejection.conflict("rolloutId", "shadow", "rollout " + current.rolloutId() + " is not shadowing");
        }
        advance(current, actor);
    }

    @CommandHandler
    public void handle(PauseRollout command) {
        Actor actor = ModelAuthority.require(command.actor());
        Rollout current = requireMoving(command.rolloutId());
        apply(new RolloutPaused(deploymentId, current.rolloutId(), Require.optionalText("reason", command.reason(), 1000),
                actor.userId()));
    }

    @CommandHandler
    public void handle(ResumeRollout command) {
        Actor actor = ModelAuthority.require(command.actor());
        Rollout current = requireInProgress(command.rolloutId());
        if (!current.paused()) {
            throw DomainRejection.conflict("rolloutId", "paused", "rollout " + current.rolloutId() + " is not paused");
        }
        apply(new RolloutResumed(deploymentId, current.rolloutId(), actor.userId()));
    }

    @CommandHandler
    public void handle(PromoteRollout command) {
        Actor actor = ModelAuthority.require(command.actor());
        Rollout current = requireInProgress(command.rolloutId());
        apply(new RolloutPromoted(deploymentId, current.rolloutId(), current.candidate(), stable,
                Require.text("reason", command.reason(), 1000), actor.userId()));
    }

    @CommandHandler
    public void handle(AbortRollout command) {
        Actor actor = ModelAuthority.require(command.actor());
        Rollout current = requireInProgress(command.rolloutId());
        apply(new RolloutAborted(deploymentId, current.rolloutId(), current.candidate(),
                Require.text("reason", command.reason(), 1000), actor.userId()));
    }

    @CommandHandler
    public void handle(ConsiderAutoSwitch command) {
        Actor actor = ModelAuthority.require(command.actor());
        ModelRef candidate = requireCandidate(command.candidate());
        String provider = Require.text("provider", command.provider(), 100);
        Instant discoveredAt = Require.present("discoveredAt", command.discoveredAt());
        String worldId = AutoSwitchMemory.requireQualifyingSlot(deploymentId, stable, createdAt, command, candidate,
                provider, discoveredAt);
        requireNoRollout();
        autoSwitch.requireNotConsidered(deploymentId, candidate);
        apply(new AutoSwitchConsidered(deploymentId, worldId, candidate, stable, actor.userId()));
    }

    @CommandHandler
    public void handle(DecideAutoSwitch command) {
        Actor actor = ModelAuthority.require(command.actor());
        ModelRef candidate = requireCandidate(command.candidate());
        autoSwitch.requireUndecided(deploymentId, candidate);
        ArmMetrics candidateEvaluation = Require.present("candidateEvaluation", command.candidateEvaluation())
                .validated("candidateEvaluation");
        ArmMetrics stableEvaluation = Require.present("stableEvaluation", command.stableEvaluation())
                .validated("stableEvaluation");
        AutoSwitchPolicy policy = Require.present("policy", command.policy()).validated("policy");
        RolloutStrategy strategy = Require.present("shadowFirstStrategy", command.shadowFirstStrategy())
                .validated("shadowFirstStrategy");
        Require.present("shadowFirstStrategy.shadow", strategy.shadow());
        String rolloutId = requireNewRolloutId(command.rolloutId());
        AutoSwitchAssessment assessment = policy.assess(candidateEvaluation, stableEvaluation);
        boolean starting = assessment.switching() && rollout == null;
        String rationale = assessment.switching() && !starting
                ? assessment.rationale() + "; waiting: rollout " + rollout.rolloutId() + " is in progress"
                : assessment.rationale();
        apply(new AutoSwitchDecided(deploymentId, candidate, stable, assessment.switching(), rationale,
                candidateEvaluation, stableEvaluation, policy, starting ? rolloutId : null, actor.userId()));
        if (starting) {
            start(rolloutId, candidate, strategy, AUTO_SWITCH, actor);
        }
    }

    private void start(String rolloutId, ModelRef candidate, RolloutStrategy strategy, String reason, Actor actor) {
        apply(new RolloutStarted(deploymentId, rolloutId, candidate, stable, strategy, strategy.phaseAt(0), 0,
                strategy.weightAt(0), reason, actor.userId()));
    }

    private void advance(Rollout current, Actor actor) {
        int next = current.step() + 1;
        apply(new RolloutAdvanced(deploymentId, current.rolloutId(), next, current.strategy().weightAt(next), actor.userId()));
    }

    private void requireNoRollout() {
        if (rollout != null) {
            throw DomainRejection.conflict("deploymentId", "no-rollout-in-progress",
                    "rollout " + rollout.rolloutId() + " is in progress on " + deploymentId);
        }
    }

    private String requireNewRolloutId(String rolloutId) {
        String id = Require.id("rolloutId", rolloutId);
        if (rolloutIds.contains(id)) {
            throw DomainRejection.conflict("rolloutId", "unique", "rollout id " + id + " is already used on " + deploymentId);
        }
        return id;
    }

    private ModelRef requireCandidate(ModelRef candidate) {
        ModelRef checked = Require.present("candidate", candidate).validated("candidate");
        if (checked.equals(stable)) {
            throw DomainRejection.conflict("candidate", "not-stable", checked.label() + " already serves " + deploymentId);
        }
        return checked;
    }

    private Rollout requireInProgress(String rolloutId) {
        String id = Require.id("rolloutId", rolloutId);
        if (rollout == null || !rollout.rolloutId().equals(id)) {
            throw DomainRejection.conflict("rolloutId", "in-progress", "rollout " + id + " is not in progress on " + deploymentId);
        }
        return rollout;
    }

    /** In progress and not paused: only such a rollout is analysed or moved. */
    private Rollout requireMoving(String rolloutId) {
        Rollout current = requireInProgress(rolloutId);
        if (current.paused()) {
            throw DomainRejection.conflict("rolloutId", "not-paused", "rollout " + current.rolloutId() + " is paused");
        }
        return current;
    }

    @EventSourcingHandler
    void on(DeploymentCreated event, @Timestamp Instant at) {
        deploymentId = event.deploymentId();
        stable = event.stable();
        useCase = event.useCase();
        createdAt = at;
    }

    @EventSourcingHandler
    void on(AutoSwitchConsidered event) {
        autoSwitch.considered(event.candidate());
    }

    @EventSourcingHandler
    void on(AutoSwitchDecided event) {
        autoSwitch.decided(event.candidate());
    }

    @EventSourcingHandler
    void on(StableModelReplaced event) {
        stable = event.stable();
    }

    @EventSourcingHandler
    void on(RolloutStarted event) {
        rollout = new Rollout(event.rolloutId(), event.candidate(), event.strategy(), event.step(), false);
        rolloutIds.add(event.rolloutId());
    }

    @EventSourcingHandler
    void on(RolloutAdvanced event) {
        rollout = rollout.at(event.step());
    }

    @EventSourcingHandler
    void on(RolloutPaused event) {
        rollout = rollout.pausedAs(true);
    }

    @EventSourcingHandler
    void on(RolloutResumed event) {
        rollout = rollout.pausedAs(false);
    }

    @EventSourcingHandler
    void on(RolloutPromoted event) {
        stable = event.newStable();
        rollout = null;
    }

    @EventSourcingHandler
    void on(RolloutRolledBack event) {
        rollout = null;
    }

    @EventSourcingHandler
    void on(RolloutAborted event) {
        rollout = null;
    }
}
