package dev.brochure.cli;

import dev.brochure.pipeline.batch.BatchListener;
import dev.brochure.pipeline.batch.BatchResult;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How a batch shows its progress: a progress bar on a terminal, plain lines elsewhere (CI logs,
 * files), at most one every two seconds and one at the end.
 */
abstract class Progress implements BatchListener, AutoCloseable {

    /** A progress bar drawn on {@code terminal} (standard error on a terminal). */
    static Progress bar(java.io.PrintStream terminal) {
        return new Bar(terminal);
    }

    static Progress lines(PrintWriter out) {
        return new Lines(out);
    }

    @Override
    public abstract void close();

    /** {@code planned} in words. */
    static String plan(BatchResult.Plan plan) {
        return String.format(Locale.ROOT, "batch: %d records%s, %d to build, %d up to date, %d failed the checks",
                plan.records(), plan.shard().isAll() ? "" : " (shard " + plan.shard() + ": " + plan.inShard() + ")",
                plan.toBuild(), plan.upToDate(), plan.invalid());
    }

    private static final class Bar extends Progress {
        private final java.io.PrintStream terminal;
        private ProgressBar bar;

        Bar(java.io.PrintStream terminal) {
            this.terminal = terminal;
        }

        @Override
        public synchronized void planned(BatchResult.Plan plan) {
            terminal.println(plan(plan));
            if (plan.toBuild() > 0) {
                bar = new ProgressBarBuilder().setTaskName("copies").setInitialMax(plan.toBuild())
                        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250)
                        .setConsumer(new ConsoleProgressBarConsumer(terminal)).showSpeed().build();
            }
        }

        @Override
        public synchronized void finished(BatchResult.Outcome outcome, int done) {
            if (bar != null) {
                bar.stepTo(done);
            }
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    private static final class Lines extends Progress {
        private final PrintWriter out;
        private int total;
        private long start;
        private long last;

        Lines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void planned(BatchResult.Plan plan) {
            total = plan.toBuild();
            start = System.nanoTime();
            last = start;
            out.println(plan(plan));
            out.flush();
        }

        @Override
        public synchronized void finished(BatchResult.Outcome outcome, int done) {
            long now = System.nanoTime();
            if (done < total && now - last < 2_000_000_000L) {
                return;
            }
            last = now;
            double seconds = (now - start) / 1e9;
            out.printf(Locale.ROOT, "batch: %d/%d copies (%d%%), %.1f copies/s%n", done, total,
                    total == 0 ? 100 : done * 100 / total, seconds <= 0 ? 0 : done / seconds);
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
