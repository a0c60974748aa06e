package io.storyteller.ops.cli;

import io.storyteller.command.housemodel.classifier.LabelledSetException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Reads an eval command's labelled file; what is wrong with it is told in one line, never as a stack trace. */
final class LabelledFile {

    /** The exit code for a file that cannot be used. */
    static final int UNUSABLE = 2;

    private LabelledFile() {
    }

    /** The parsed rows, or null after printing why the file cannot be used. */
    static <T> List<T> read(Path file, Function<List<String>, List<T>> parse, PrintWriter err) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            return null;
        }
        try {
            List<T> rows = parse.apply(lines);
            if (rows.isEmpty()) {
                err.println(file + ": holds no cases");
                return null;
            }
            return rows;
        } catch (LabelledSetException e) {
            err.println(file + " " + e.getMessage());
            return null;
        }
    }
}
