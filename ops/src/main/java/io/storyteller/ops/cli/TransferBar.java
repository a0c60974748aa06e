package io.storyteller.ops.cli;

import io.storyteller.ops.backup.TransferProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** One progress bar per table on standard error, in MiB moved (standard output keeps the summary). */
final class TransferBar implements TransferProgress, AutoCloseable {

    private static final long MIB = 1 << 20;

    private ProgressBar bar;

    @Override
    public void table(String name, long expectedBytes) {
        close();
        bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(Math.max(1, expectedBytes / MIB))
                .setUnit(" MiB", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    @Override
    public void moved(long bytes) {
        long mib = bytes / MIB;
        if (mib > bar.getMax()) {
            // the table's size on disk was only an estimate of what its COPY writes
            bar.maxHint(mib);
        }
        bar.stepTo(mib);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
