package io.storyteller.command.housemodel;

/**
 * A loaded model version shared by the generations that lease it. Once retired (a newer version
 * replaced it) it takes no new leases and closes when its last lease is released, so a version
 * swap never cuts a narration short and never leaks a native session.
 */
final class ServedRuntime {

    private final HouseModelRuntime runtime;
    private int leases;
    private boolean retired;

    ServedRuntime(HouseModelRuntime runtime) {
        this.runtime = runtime;
    }

    HouseModelRuntime runtime() {
        return runtime;
    }

    int version() {
        return runtime.metadata().version();
    }

    synchronized ServedRuntime acquire() {
        if (retired) {
            throw new IllegalStateException(runtime.metadata().modelName() + " has been replaced");
        }
        leases++;
        return this;
    }

    synchronized void release() {
        leases--;
        closeIfIdle();
    }

    synchronized void retire() {
        retired = true;
        closeIfIdle();
    }

    private void closeIfIdle() {
        if (retired && leases <= 0) {
            runtime.close();
        }
    }
}
