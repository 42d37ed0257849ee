package dev.brochure.cli;

import dev.brochure.pipeline.Progress;
import java.util.function.BiConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What a long command shows on standard error while it works: on a terminal, progress (a line per
 * step, or a bar where the number of steps is known); with {@code --verbose} the same as lines
 * even when not on one; nothing in CI (no terminal) or with {@code --quiet}. Standard output
 * keeps only the result, so scripts see the same either way.
 */
final class Feedback {

    private Feedback() {
    }

    private static boolean shown(Context context, CommonOptions common) {
        return !common.quiet && (context.terminal() || common.verbose);
    }

    /** A line per step (the size search's attempts), prefixed "brochure: ". */
    static Progress lines(Context context, CommonOptions common) {
        if (!shown(context, common)) {
            return Progress.none();
        }
        return (line, done, total) -> {
            context.err().println("brochure: " + line);
            context.err().flush();
        };
    }

    /** Progress through {@code task}'s items: a bar on a terminal, a line per item with --verbose elsewhere. */
    static Steps steps(Context context, CommonOptions common, String task) {
        if (!shown(context, common)) {
            return new Steps(null, (done, total) -> { });
        }
        if (!context.terminal()) {
            return new Steps(null, (done, total) -> {
                context.err().printf("brochure: %s %d of %d%n", task, done, total);
                context.err().flush();
            });
        }
        ProgressBar[] bar = new ProgressBar[1];
        return new Steps(bar, (done, total) -> {
            if (bar[0] == null) {
                bar[0] = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate()
                        .setConsumer(new ErrConsumer(context)).build();
            }
            bar[0].stepTo(done);
        });
    }

    /** The progress of one task; {@link #close} ends its bar (and the bar's refresh thread). */
    record Steps(ProgressBar[] bar, BiConsumer<Integer, Integer> onStep) implements AutoCloseable {
        @Override
        public void close() {
            if (bar != null && bar[0] != null) {
                bar[0].close();
            }
        }
    }

    /** Draws the bar on the command's standard error, redrawing one line in place. */
    private static final class ErrConsumer implements ProgressBarConsumer {
        private final Context context;

        ErrConsumer(Context context) {
            this.context = context;
        }

        @Override
        public int getMaxRenderedLength() {
            return 79;
        }

        @Override
        public void accept(String rendered) {
            context.err().print("\r" + rendered);
            context.err().flush();
        }

        @Override
        public void close() {
            context.err().println();
            context.err().flush();
        }
    }
}
