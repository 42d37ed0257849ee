package dev.brochure.mail;

import java.util.function.LongSupplier;

/** At most {@code perMinute} messages begun per minute: each waits until its turn. */
final class Throttle {

    /** Waits the given nanoseconds. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long interval;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private long next = Long.MIN_VALUE;

    Throttle(double perMinute, LongSupplier clock, Sleeper sleeper) {
        this.interval = perMinute <= 0 ? 0 : (long) Math.ceil(60e9 / perMinute);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static Throttle perMinute(double perMinute) {
        return new Throttle(perMinute, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Returns when the next message may begin. */
    void await() throws InterruptedException {
        if (interval == 0) {
            return;
        }
        long now = clock.getAsLong();
        if (next != Long.MIN_VALUE && now - next < 0) {
            sleeper.sleep(next - now);
            now = next;
        }
        next = now + interval;
    }
}
