package io.storyteller.ops.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.ops.StorytellerProperties;
import io.storyteller.ops.search.snapshot.SearchSnapshots;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** What the start does with a restored backup's search snapshot when it cannot put it back on its own node. */
class PendingSearchRestoreTest {

    @TempDir
    Path dataDir;

    @Test
    void onAnExternalClusterTheSnapshotIsLeftAloneTheIndexesAreRebuiltAndItsFilesRemoved() throws IOException {
        Path pending = staged();
        PendingSearchRestore restore = new PendingSearchRestore(properties(), external());

        restore.apply(); // the cluster's own indexes and repositories are not this application's to touch

        assertThat(restore.rebuildsIndexes()).isTrue();
        assertThat(pending).doesNotExist();
    }

    @Test
    void withoutAPendingSnapshotNothingHappens() throws IOException {
        Files.createDirectories(SearchSnapshots.pendingDirectory(dataDir)); // unpacked, but never marked complete
        PendingSearchRestore restore = new PendingSearchRestore(properties(), external());

        restore.apply();

        assertThat(restore.rebuildsIndexes()).isFalse();
    }

    private Path staged() throws IOException {
        Path directory = Files.createDirectories(SearchSnapshots.pendingDirectory(dataDir));
        Files.writeString(directory.resolve("index-0"), "snapshot files");
        SearchSnapshots.markPending(directory, SearchSnapshots.PARTS);
        return directory;
    }

    private StorytellerProperties properties() {
        return new Binder(new MapConfigurationPropertySource(java.util.Map.of("storyteller.data-dir", dataDir.toString())))
                .bindOrCreate("storyteller", StorytellerProperties.class);
    }

    private static SearchEndpoint external() {
        return new SearchEndpoint() {
            @Override
            public List<URI> uris() {
                return List.of(URI.create("https://search.example:9200"));
            }

            @Override
            public boolean embedded() {
                return false;
            }
        };
    }
}
