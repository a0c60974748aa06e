package io.storyteller.ops.search;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedOpenSearchStartTest {

    @TempDir
    Path dataDir;

    @Test
    void aStartThatFailedInTheBackgroundFailsWhoeverNeedsTheNodeWithItsCauseAndStopsNothing() throws IOException {
        Path notADirectory = Files.writeString(dataDir.resolve("opensearch"), "a file where the node's directory goes");

        EmbeddedOpenSearchStart start = EmbeddedOpenSearchStart.begin(notADirectory.resolve("node"), Duration.ofSeconds(5));

        assertThatThrownBy(start::node).isInstanceOf(IOException.class).hasMessageContaining("opensearch");
        assertThatCode(start::destroy).doesNotThrowAnyException();
    }
}
