package io.storyteller.command.runtime;

import io.storyteller.command.housemodel.serving.HouseModelRuntime;

/**
 * A loaded model version shared by the generations that lease it. Once retired (a newer version
 * replaced it) it takes no new leases and closes when its last lease is released, so a version
 * swap never cuts a narration short and never leaks a native session.
 */
final class ServedRuntime {

    private final HouseModelRuntime runtime;
    private final int version;
    private int leases;
    private boolean retired;

    ServedRuntime(HouseModelRuntime runtime, int version) {
        this.runtime = runtime;
        this.version = version;
    }

    HouseModelRuntime runtime() {
        return runtime;
    }

    int version() {
        return version;
    }

    synchronized ServedRuntime acquire() {
        if (retired) {
            throw new IllegalStateException(runtime.modelName() + " has been replaced");
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
