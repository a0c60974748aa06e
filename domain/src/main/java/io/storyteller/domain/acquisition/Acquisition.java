package io.storyteller.domain.acquisition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One acquisition of a Hub repository at a revision: requested, downloaded, verified, registered,
 * evaluation requested — each step recorded once and in order, or the acquisition fails with a
 * reason. The work is done elsewhere (downloader, verifier, registrar); this decides what may be
 * recorded, including where the files live ({@code <repo>/<commit>}) and which paths they may have.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class Acquisition {

    static final int MAX_FILES = 2000;
    static final int MAX_REASON = 1000;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    enum Phase { REQUESTED, DOWNLOADED, VERIFIED, REGISTERED, DONE, FAILED }

    @AggregateIdentifier
    private String acquisitionId;
    private String repo;
    private UseCase useCase;
    private Phase phase;
    private ModelRef model;
    private String validationId;

    protected Acquisition() {
    }

    @CommandHandler
    public Acquisition(RequestHubAcquisition command) {
        String id = Require.id("acquisitionId", command.acquisitionId());
        Actor actor = AcquisitionAuthority.require(command.actor());
        String checkedRepo = HubCoordinates.repo("repo", command.repo());
        String revision = command.revision() == null || command.revision().isBlank() ? "main"
                : HubCoordinates.revision("revision", command.revision());
        apply(new HubAcquisitionRequested(id, checkedRepo, revision, command.useCase(), actor.userId()));
    }

    @CommandHandler
    public void handle(RecordHubDownload command) {
        AcquisitionAuthority.require(command.actor());
        requirePhase(Phase.REQUESTED, AcquisitionStep.DOWNLOAD);
        String commit = HubCoordinates.commit("commit", command.commit());
        List<HubFile> files = files(command.files());
        long total = files.stream().mapToLong(HubFile::sizeBytes).sum();
        apply(new HubModelDownloaded(acquisitionId, repo, commit, optional("license", command.license()),
                optional("task", command.task()), optional("library", command.library()),
                optional("baseModel", command.baseModel()), files, repo + "/" + commit, total));
    }

    @CommandHandler
    public void handle(RecordHubVerification command) {
        AcquisitionAuthority.require(command.actor());
        requirePhase(Phase.DOWNLOADED, AcquisitionStep.VERIFY);
        String digest = Require.text("digest", command.digest(), 64);
        if (!SHA256.matcher(digest).matches()) {
            throw DomainRejection.invalid("digest", "sha256", "digest must be 64 lower-case hex digits");
        }
        apply(new HubModelVerified(acquisitionId, digest));
    }

    @CommandHandler
    public void handle(RecordAcquiredModel command) {
        AcquisitionAuthority.require(command.actor());
        requirePhase(Phase.VERIFIED, AcquisitionStep.REGISTER);
        apply(new AcquiredModelRegistered(acquisitionId, Require.present("model", command.model()).validated("model")));
    }

    @CommandHandler
    public void handle(RequestAcquiredModelEvaluation command) {
        AcquisitionAuthority.require(command.actor());
        requirePhase(Phase.REGISTERED, AcquisitionStep.EVALUATE);
        apply(new AcquiredModelEvaluationRequested(acquisitionId, model, useCase));
    }

    /** After the evaluation was asked for: the one validation that answers it. */
    @CommandHandler
    public void handle(RecordAcquiredModelValidation command) {
        AcquisitionAuthority.require(command.actor());
        String id = Require.id("validationId", command.validationId());
        if (phase != Phase.DONE) {
            throw DomainRejection.conflict("step", "step-order", "acquisition " + acquisitionId
                    + " has not asked for its evaluation, so no validation can be recorded");
        }
        if (validationId != null) {
            throw DomainRejection.conflict("validationId", "once", "acquisition " + acquisitionId
                    + " is already validated by " + validationId);
        }
        apply(new AcquiredModelValidationRequested(acquisitionId, id, model, useCase));
    }

    @CommandHandler
    public void handle(ReportAcquisitionSetback command) {
        AcquisitionAuthority.require(command.actor());
        AcquisitionStep step = Require.present("step", command.step());
        requireOpen();
        if (step != current()) {
            throw DomainRejection.conflict("step", "current-step", "acquisition " + acquisitionId + " is at "
                    + current() + ", not " + step);
        }
        apply(new AcquisitionSetback(acquisitionId, step, Require.text("reason", command.reason(), MAX_REASON)));
    }

    @CommandHandler
    public void handle(FailAcquisition command) {
        AcquisitionAuthority.require(command.actor());
        AcquisitionStep step = Require.present("step", command.step());
        requireOpen();
        apply(new AcquisitionFailed(acquisitionId, step, Require.text("reason", command.reason(), MAX_REASON)));
    }

    /** The step the acquisition waits for. */
    private AcquisitionStep current() {
        return switch (phase) {
            case REQUESTED -> AcquisitionStep.DOWNLOAD;
            case DOWNLOADED -> AcquisitionStep.VERIFY;
            case VERIFIED -> AcquisitionStep.REGISTER;
            case REGISTERED, DONE, FAILED -> AcquisitionStep.EVALUATE;
        };
    }

    private void requireOpen() {
        if (phase == Phase.DONE || phase == Phase.FAILED) {
            throw DomainRejection.conflict("acquisitionId", "open", "acquisition " + acquisitionId + " has ended");
        }
    }

    /** A step is recorded once, after the one before: a repeated or early answer is refused. */
    private void requirePhase(Phase expected, AcquisitionStep step) {
        requireOpen();
        if (phase != expected) {
            throw DomainRejection.conflict("step", "step-order", "acquisition " + acquisitionId + " is at "
                    + current() + ", so " + step + " cannot be recorded");
        }
    }

    private static List<HubFile> files(List<HubFile> files) {
        if (files == null || files.isEmpty()) {
            throw DomainRejection.invalid("files", "required", "a download has at least one file");
        }
        if (files.size() > MAX_FILES) {
            throw DomainRejection.invalid("files", "max-count:" + MAX_FILES, "a download has at most " + MAX_FILES + " files");
        }
        List<HubFile> checked = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            HubFile file = Require.present("files[" + i + "]", files.get(i)).validated("files[" + i + "]");
            if (!paths.add(file.path())) {
                throw DomainRejection.invalid("files[" + i + "].path", "unique", "file " + file.path() + " is listed twice");
            }
            checked.add(file);
        }
        return List.copyOf(checked);
    }

    private static String optional(String field, String value) {
        String text = Require.optionalText(field, value, 200);
        return text.isEmpty() ? null : text;
    }

    @EventSourcingHandler
    void on(HubAcquisitionRequested event) {
        acquisitionId = event.acquisitionId();
        repo = event.repo();
        useCase = event.useCase();
        phase = Phase.REQUESTED;
    }

    @EventSourcingHandler
    void on(HubModelDownloaded event) {
        phase = Phase.DOWNLOADED;
    }

    @EventSourcingHandler
    void on(HubModelVerified event) {
        phase = Phase.VERIFIED;
    }

    @EventSourcingHandler
    void on(AcquiredModelRegistered event) {
        phase = Phase.REGISTERED;
        model = event.model();
    }

    @EventSourcingHandler
    void on(AcquiredModelEvaluationRequested event) {
        phase = Phase.DONE;
    }

    @EventSourcingHandler
    void on(AcquiredModelValidationRequested event) {
        validationId = event.validationId();
    }

    @EventSourcingHandler
    void on(AcquisitionFailed event) {
        phase = Phase.FAILED;
    }
}
