package io.storyteller.domain.acquisition;

/**
 * Work for the Hub downloader: fetch the repository's files at the revision (resuming partial
 * files). Answered later by {@link RecordHubDownload}, {@link ReportAcquisitionSetback} or
 * {@link FailAcquisition}; {@code attempt} counts from 1.
 */
public record DownloadHubModel(String acquisitionId,
        String repo,
        String revision,
        int attempt) {
}
