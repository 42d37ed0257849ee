package dev.brochure.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action once a burst of pokes has gone quiet for {@code quiet} milliseconds: an editor
 * that saves a file in three writes, or a folder copied in, gives one rebuild. The action runs on
 * one thread, never twice at once; a poke while it runs gives one more run after it.
 */
final class Debouncer implements AutoCloseable {

    private final ScheduledExecutorService timer;
    private final Runnable action;
    private final long quiet;
    private ScheduledFuture<?> pending;

    Debouncer(long quietMillis, Runnable action) {
        this.quiet = quietMillis;
        this.action = action;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "brochure watch build");
            t.setDaemon(true);
            return t;
        });
    }

    /** Something changed: run the action {@code quiet} ms from now, unless another poke comes first. */
    synchronized void poke() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(action, quiet, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code task} on the action's thread once it is free, unless a poke is waiting by then; a
     * poke that comes while the task runs waits for it to end.
     */
    void whenIdle(Runnable task) {
        timer.execute(() -> {
            if (!waiting()) {
                task.run();
            }
        });
    }

    /** Whether a poke's run is due and has not started. */
    synchronized boolean waiting() {
        return pending != null && !pending.isDone();
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
    }
}
