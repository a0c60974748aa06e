package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.UseCase;

/**
 * Work for the registrar: enter the verified download in the model registry; answered by
 * {@link RecordAcquiredModel} or {@link FailAcquisition}. {@code download} carries the Hub metadata.
 */
public record RegisterHubModel(String acquisitionId,
        HubModelDownloaded download,
        String digest,
        UseCase useCase,
        int attempt) {
}
