package io.storyteller.command.background;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads for background work that yields the cores to play: model training and fine-tuning, exports,
 * validations, warming caches. On Linux such a thread lowers its own scheduling priority to nice {@value #NICE} before
 * it runs anything, so on a small node a turn's recall and review take a contended core first and the
 * background work runs in what they leave (the kernel gives a nice-10 thread about a tenth of a core
 * another thread wants, and all of an idle one). Raising one's own nice value needs no privilege.
 * Elsewhere, or where the JVM denies native access, the threads run at the normal priority and the
 * log says so once.
 */
public final class BackgroundThreads {

    private static final Logger log = LoggerFactory.getLogger(BackgroundThreads.class);

    /** The nice value background threads run at (0 is the default, 19 the lowest priority). */
    static final int NICE = 10;
    private static final int PRIO_PROCESS = 0;
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final Native NATIVE = Native.find();

    private BackgroundThreads() {
    }

    /**
     * Lowers the calling thread's priority to nice {@value #NICE}, or leaves it where it is when it
     * is lower already.
     *
     * @return whether the thread now runs at nice {@value #NICE} or lower
     */
    public static boolean lowerCurrent() {
        if (NATIVE == null) {
            warnOnce("this system has no per-thread nice value (" + System.getProperty("os.name") + ")");
            return false;
        }
        try {
            int thread = (int) NATIVE.gettid.invokeExact();
            if ((int) NATIVE.getpriority.invokeExact(PRIO_PROCESS, thread) >= NICE) {
                return true;
            }
            if ((int) NATIVE.setpriority.invokeExact(PRIO_PROCESS, thread, NICE) != 0) {
                warnOnce("setpriority refused");
                return false;
            }
            return true;
        } catch (Throwable e) { // a JVM started with --illegal-native-access=deny, or a broken libc lookup
            warnOnce(e.toString());
            return false;
        }
    }

    /** Daemon platform threads named {@code name} that lower their own priority ({@link #lowerCurrent}) first. */
    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(() -> {
                lowerCurrent();
                runnable.run();
            }, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void warnOnce(String why) {
        if (WARNED.compareAndSet(false, true)) {
            log.warn("Background work runs at the normal priority, beside play: {}", why);
        }
    }

    /** The C library's {@code gettid}, {@code getpriority} and {@code setpriority}, found once. */
    private record Native(MethodHandle gettid, MethodHandle getpriority, MethodHandle setpriority) {

        static Native find() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
                return null;
            }
            try {
                Optional<MethodHandle> gettid = function("gettid");
                Optional<MethodHandle> getpriority = function("getpriority", JAVA_INT, JAVA_INT);
                Optional<MethodHandle> setpriority = function("setpriority", JAVA_INT, JAVA_INT, JAVA_INT);
                if (gettid.isEmpty() || getpriority.isEmpty() || setpriority.isEmpty()) {
                    return null;
                }
                return new Native(gettid.get(), getpriority.get(), setpriority.get());
            } catch (RuntimeException e) { // native access denied
                log.debug("No native access for thread priorities: {}", e.toString());
                return null;
            }
        }

        /** The C library's function {@code name}, taking {@code arguments} and answering an int. */
        private static Optional<MethodHandle> function(String name, ValueLayout... arguments) {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find(name)
                    .map(symbol -> linker.downcallHandle(symbol, FunctionDescriptor.of(JAVA_INT, arguments)));
        }
    }
}
