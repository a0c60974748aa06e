package io.storyteller.command.acquisition.hub;

import io.storyteller.domain.acquisition.AcquisitionStep;
import io.storyteller.domain.acquisition.DownloadHubModel;
import io.storyteller.domain.acquisition.HubFile;
import io.storyteller.domain.acquisition.HubRevision;
import io.storyteller.domain.acquisition.RecordHubDownload;
import io.storyteller.domain.shared.Actor;
import java.nio.file.Path;
import org.axonframework.commandhandling.CommandHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a repository at a revision for {@link DownloadHubModel}: resolves the revision to its
 * commit and file list, refuses a repository over {@code storyteller.hub.max-size}, then fetches
 * every file (resuming partial ones) into {@code <root>/<repo>/<commit>/} and records the download.
 */
public class HubDownloads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HubDownloads.class);

    private final HubClient client;
    private final HubFileTransfer transfer;
    private final DownloadRoot root;
    private final long maxSizeBytes;
    private final AcquisitionWork work;

    HubDownloads(HubClient client, DownloadRoot root, HubProperties properties, AcquisitionWork work) {
        this.client = client;
        this.transfer = new HubFileTransfer(client);
        this.root = root;
        this.maxSizeBytes = properties.maxSize().toBytes();
        this.work = work;
    }

    @CommandHandler
    public void handle(DownloadHubModel command) {
        work.run(command.acquisitionId(), AcquisitionStep.DOWNLOAD, () -> download(command));
    }

    private RecordHubDownload download(DownloadHubModel command) {
        HubRevision revision = client.revision(command.repo(), command.revision());
        if (revision.files().isEmpty()) {
            throw new HubUnavailableException(command.repo() + "@" + command.revision() + " has no files to download", false);
        }
        if (revision.totalBytes() > maxSizeBytes) {
            throw new HubUnavailableException(command.repo() + " is " + revision.totalBytes()
                    + " bytes, over storyteller.hub.max-size (" + maxSizeBytes + ")", false);
        }
        Path directory = root.directory(revision.repo(), revision.commit());
        for (HubFile file : revision.files()) {
            transfer.fetch(revision.repo(), revision.commit(), file, root.file(directory, file.path()), bytes -> { });
        }
        log.info("Acquisition {}: {}@{} downloaded ({} files, {} bytes)", command.acquisitionId(), revision.repo(),
                revision.commit(), revision.files().size(), revision.totalBytes());
        return new RecordHubDownload(command.acquisitionId(), revision.commit(), revision.license(), revision.task(),
                revision.library(), revision.baseModel(), revision.files(), Actor.system());
    }

    /** Stops its worker at shutdown (the context closes a bean that can be closed). */
    @Override
    public void close() {
        work.close();
    }
}
