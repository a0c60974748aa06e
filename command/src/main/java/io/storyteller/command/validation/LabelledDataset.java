package io.storyteller.command.validation;

import io.storyteller.command.housemodel.classifier.LabelledLines;
import io.storyteller.domain.validation.SuiteDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lines of a suite's labelled file: shipped on the classpath, or under the data directory
 * (never outside it), the first {@code limit} of them.
 */
final class LabelledDataset {

    private final Path dataDirectory;

    LabelledDataset(Path dataDirectory) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    List<String> lines(SuiteDataset dataset) {
        List<String> lines = switch (dataset.kind()) {
            case CLASSPATH -> LabelledLines.resource(dataset.source());
            case FILE -> file(dataset.source());
            case RECENT_TURNS -> throw new IllegalArgumentException("recorded turns are not a labelled file");
        };
        List<String> filled = lines.stream().filter(line -> !line.isBlank()).toList();
        return filled.subList(0, Math.min(dataset.limit(), filled.size()));
    }

    private List<String> file(String source) {
        Path file = dataDirectory.resolve(source).normalize();
        if (!file.startsWith(dataDirectory)) {
            throw new IllegalArgumentException("dataset " + source + " is outside the data directory");
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + source + " under the data directory", e);
        }
    }
}
