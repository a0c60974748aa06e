package io.storyteller.domain.acquisition;

import java.util.List;

/** Work for the verifier: hash the downloaded files against the Hub's digests; answered by {@link RecordHubVerification} or {@link FailAcquisition}. */
public record VerifyHubModel(String acquisitionId,
        String directory,
        List<HubFile> files,
        int attempt) {
}
