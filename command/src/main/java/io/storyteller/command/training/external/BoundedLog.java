package io.storyteller.command.training.external;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The training program's log: its standard output and error, both read to the end (so it never
 * blocks on a full pipe) but written only up to a limit, and the last lines of its error kept to
 * say why it failed.
 */
final class BoundedLog implements AutoCloseable {

    private static final int LAST_LINES = 5;
    private static final int MAX_LINE = 300;

    private final OutputStream file;
    private final long limit;
    private long written;
    private boolean truncated;
    private final Deque<String> lastErrors = new ArrayDeque<>();

    BoundedLog(Path path, long limit) throws IOException {
        this.file = Files.newOutputStream(path);
        this.limit = limit;
    }

    /** Reads {@code stream} line by line to its end; call from a thread of its own. */
    void drain(InputStream stream, boolean errors) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                append(line, errors);
            }
        } catch (IOException e) {
            // The process was killed and its pipe closed: what was read is kept.
        }
    }

    private synchronized void append(String line, boolean errors) throws IOException {
        if (errors && !line.isBlank()) {
            lastErrors.addLast(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line);
            if (lastErrors.size() > LAST_LINES) {
                lastErrors.removeFirst();
            }
        }
        byte[] bytes = ((errors ? "[err] " : "") + line + "\n").getBytes(StandardCharsets.UTF_8);
        if (written + bytes.length <= limit) {
            file.write(bytes);
            written += bytes.length;
        } else if (!truncated) {
            truncated = true;
            file.write("[log limit reached; the rest is not kept]\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    synchronized List<String> lastErrors() {
        return List.copyOf(lastErrors);
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }
}
