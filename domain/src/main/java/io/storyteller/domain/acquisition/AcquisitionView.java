package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An acquisition as the read model has it. Step times are null until the step is done; the
 * failure fields are set once it failed, {@code lastSetback} names the latest retried failure.
 * {@code validation} is null until the acquired version's validation is asked for.
 */
public record AcquisitionView(String acquisitionId,
        String repo,
        String revision,
        String commit,
        UseCase useCase,
        AcquisitionStatus status,
        String license,
        Long totalBytes,
        String digest,
        ModelRef model,
        AcquisitionStep failedStep,
        String failureReason,
        String lastSetback,
        String requestedBy,
        Instant requestedAt,
        Instant downloadedAt,
        Instant verifiedAt,
        Instant registeredAt,
        Instant evaluationRequestedAt,
        Instant updatedAt,
        String task,
        String library,
        List<HubFile> files,
        AcquisitionValidation validation) {

    public AcquisitionView {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** Each step after the request, in order, with its state. */
    public List<AcquisitionStepState> steps() {
        Instant[] done = {downloadedAt, verifiedAt, registeredAt, evaluationRequestedAt};
        List<AcquisitionStepState> steps = new ArrayList<>();
        for (AcquisitionStep step : AcquisitionStep.values()) {
            Instant at = done[step.ordinal()];
            String state = at != null ? "DONE" : step == failedStep ? "FAILED" : "PENDING";
            steps.add(new AcquisitionStepState(step, state, step == failedStep ? updatedAt : at));
        }
        return List.copyOf(steps);
    }
}
