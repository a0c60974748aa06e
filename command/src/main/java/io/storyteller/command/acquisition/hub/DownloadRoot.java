package io.storyteller.command.acquisition.hub;

import io.storyteller.domain.acquisition.HubCoordinates;
import java.nio.file.Path;

/**
 * {@code <storyteller.data-dir>/models/hub}: where every Hub download lives, one directory per
 * repository and commit. Every path is checked twice — by its shape ({@link HubCoordinates}) and,
 * once resolved, by still lying inside the root — so no answer can place a file elsewhere.
 */
public record DownloadRoot(Path root) {

    public DownloadRoot {
        root = root.toAbsolutePath().normalize();
    }

    public static DownloadRoot under(Path dataDirectory) {
        return new DownloadRoot(dataDirectory.resolve("models").resolve("hub"));
    }

    /** The directory of a repository at a commit. */
    public Path directory(String repo, String commit) {
        return inside(root.resolve(HubCoordinates.repo("repo", repo)).resolve(HubCoordinates.commit("commit", commit)));
    }

    /** A directory the acquisition recorded, relative to the root ({@code <repo>/<commit>}). */
    public Path directory(String relative) {
        return inside(root.resolve(relative));
    }

    /** A file of the repository inside its directory. */
    public Path file(Path directory, String path) {
        Path file = inside(directory.resolve(HubCoordinates.filePath("path", path)));
        if (!file.startsWith(directory.normalize())) {
            throw new HubUnavailableException("the Hub named a file outside its repository: refused", false);
        }
        return file;
    }

    /** A URI for the registry: {@code hub/<repo>/<commit>/} relative to the models directory. */
    public static String uri(String repo, String commit) {
        return "models/hub/" + repo + "/" + commit + "/";
    }

    private Path inside(Path candidate) {
        Path normalized = candidate.toAbsolutePath().normalize();
        if (!normalized.startsWith(root) || normalized.equals(root)) {
            throw new HubUnavailableException("a path outside the download directory was refused", false);
        }
        return normalized;
    }
}
