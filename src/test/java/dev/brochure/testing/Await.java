package dev.brochure.testing;

import java.util.function.BooleanSupplier;

/** Waiting in a test for something another thread, process or browser does. */
public final class Await {

    private Await() {
    }

    /** Polls {@code condition} every 10 ms until it holds; fails after {@code millis}. */
    public static void until(BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + millis + " ms");
            }
            Thread.sleep(10);
        }
    }
}
