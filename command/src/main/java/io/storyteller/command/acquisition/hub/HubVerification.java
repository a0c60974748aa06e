package io.storyteller.command.acquisition.hub;

import io.storyteller.domain.acquisition.AcquisitionStep;
import io.storyteller.domain.acquisition.FailAcquisition;
import io.storyteller.domain.acquisition.HubFile;
import io.storyteller.domain.acquisition.RecordHubVerification;
import io.storyteller.domain.acquisition.VerifyHubModel;
import io.storyteller.domain.shared.Actor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axonframework.commandhandling.CommandHandler;

/**
 * Verifies a download for {@link VerifyHubModel}: each file's SHA-256 against the Hub's LFS oid
 * (or, for a small file kept in git, its blob id). A file that does not match is deleted — it must
 * not be served, and the next acquisition fetches it anew — and the acquisition fails.
 */
public class HubVerification implements AutoCloseable {

    private final DownloadRoot root;
    private final AcquisitionWork work;

    HubVerification(DownloadRoot root, AcquisitionWork work) {
        this.root = root;
        this.work = work;
    }

    @CommandHandler
    public void handle(VerifyHubModel command) {
        work.run(command.acquisitionId(), AcquisitionStep.VERIFY, () -> verify(command));
    }

    private Object verify(VerifyHubModel command) {
        Path directory = root.directory(command.directory());
        for (HubFile file : command.files()) {
            Path path = root.file(directory, file.path());
            String mismatch = mismatch(file, path);
            if (mismatch != null) {
                deleteQuietly(path);
                return new FailAcquisition(command.acquisitionId(), AcquisitionStep.VERIFY, mismatch, Actor.system());
            }
        }
        return new RecordHubVerification(command.acquisitionId(), FileDigests.manifest(command.files()), Actor.system());
    }

    /** Why the file on disk is not the Hub's, or null when it is. */
    private static String mismatch(HubFile file, Path path) {
        try {
            if (!Files.isRegularFile(path)) {
                return file.path() + " is missing";
            }
            if (Files.size(path) != file.sizeBytes()) {
                return file.path() + " has " + Files.size(path) + " bytes, the Hub says " + file.sizeBytes()
                        + ": the file was deleted";
            }
            if (file.sha256() != null) {
                return file.sha256().equals(FileDigests.sha256(path)) ? null
                        : "the SHA-256 of " + file.path() + " differs from the Hub's: the file was deleted";
            }
            return file.blobId().equals(FileDigests.gitBlobId(path)) ? null
                    : "the git blob id of " + file.path() + " differs from the Hub's: the file was deleted";
        } catch (IOException e) {
            throw new HubUnavailableException(file.path() + " could not be read (" + e.getClass().getSimpleName() + ")", true);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new HubUnavailableException("a file that failed verification could not be deleted", false);
        }
    }

    /** Stops its worker at shutdown (the context closes a bean that can be closed). */
    @Override
    public void close() {
        work.close();
    }
}
