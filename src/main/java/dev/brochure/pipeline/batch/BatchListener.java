package dev.brochure.pipeline.batch;

/** Hears how a batch goes, for a progress display; called from the threads that build copies. */
public interface BatchListener {

    /** Before any copy is built: how many copies this run builds, and of how many records. */
    default void planned(BatchResult.Plan plan) {
    }

    /** A copy was built (or failed); {@code done} of the run's {@code planned} builds are over. */
    default void finished(BatchResult.Outcome outcome, int done) {
    }

    /** A listener that hears nothing. */
    static BatchListener none() {
        return new BatchListener() {
        };
    }
}
