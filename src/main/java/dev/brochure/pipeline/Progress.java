package dev.brochure.pipeline;

/**
 * Where a long run tells what it is doing, for the command line to show on a terminal (or not):
 * the {@code --max-size} search reports each render it tries. Called on the building thread.
 */
@FunctionalInterface
public interface Progress {

    /** Nothing shown. */
    static Progress none() {
        return (line, done, total) -> { };
    }

    /**
     * Step {@code done} of at most {@code total} (0: unknown) finished; {@code line} says what it
     * did, in a short sentence without a trailing newline.
     */
    void step(String line, int done, int total);
}
