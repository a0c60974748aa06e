package io.storyteller.ops.backup;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/** Streams that report how many bytes went through them, for the progress of a table. */
final class CountingStreams {

    /** Reports at most once per this many bytes, so a progress bar costs nothing per row. */
    private static final long REPORT_EVERY = 1 << 20;

    private CountingStreams() {
    }

    static OutputStream counting(OutputStream out, LongConsumer bytes) {
        return new FilterOutputStream(out) {
            private final Counter counter = new Counter(bytes);

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                counter.add(1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                counter.add(len);
            }
        };
    }

    static InputStream counting(InputStream in, LongConsumer bytes) {
        return new FilterInputStream(in) {
            private final Counter counter = new Counter(bytes);

            @Override
            public int read() throws IOException {
                int b = in.read();
                counter.add(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int read = in.read(b, off, len);
                counter.add(Math.max(read, 0));
                return read;
            }
        };
    }

    private static final class Counter {

        private final LongConsumer report;
        private long total;
        private long reported;

        Counter(LongConsumer report) {
            this.report = report;
        }

        void add(long bytes) {
            total += bytes;
            if (total - reported >= REPORT_EVERY) {
                reported = total;
                report.accept(total);
            }
        }
    }
}
