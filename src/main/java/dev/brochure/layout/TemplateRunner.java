package dev.brochure.layout;

import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one layout template with bounds, since templates come from many hands and Freemarker
 * itself bounds nothing: a time limit (an endless {@code #list} over {@code 1..}), a limit on
 * the output (a loop writing millions of elements), and a fixed stack (a macro calling itself).
 *
 * <p>The template runs on a thread of its own ({@link Workers}: a pool of daemon threads with that
 * fixed stack, kept by the workspace, so a batch's thousands of runs start no thread each). At
 * the time limit the thread is interrupted; the interruption checks {@link TemplateConfig} puts
 * into every loop of every template make it stop there. Code without such checks (a built-in
 * working on a huge range; {@code ?interpret} is refused by {@link TemplateChecks}) cannot be
 * stopped from outside in Java; the thread is then abandoned (it is a daemon, so the command
 * still ends; the pool starts another for the next run) and the build fails with the same message.
 */
final class TemplateRunner {

    /** The bounds of one template run. */
    record Limits(Duration time, int outputChars) {
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(3), 4 * 1024 * 1024);
    }

    /** Why a run was stopped, as a sentence for the diagnostic, and what to look at. */
    static final class Stopped extends Exception {
        final String hint;

        Stopped(String message, String hint) {
            super(message);
            this.hint = hint;
        }
    }

    /** Deep enough for any sensible nesting of macros and includes, small enough to fail fast. */
    private static final long STACK_BYTES = 4L * 1024 * 1024;

    private TemplateRunner() {
    }

    /**
     * The threads templates run on: started as runs need them, each with the fixed stack, kept a
     * while for the next run, ended when idle. A thread busy with a run never takes another, so an
     * abandoned run only keeps its own thread. Safe for several callers at once.
     */
    static final class Workers {
        private final AtomicInteger count = new AtomicInteger();
        private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 20, TimeUnit.SECONDS,
                new SynchronousQueue<>(), work -> {
                    Thread t = new Thread(null, work, "layout worker " + count.incrementAndGet(), STACK_BYTES);
                    t.setDaemon(true);
                    return t;
                });

        /** Starts {@code task}; the latch opens when its thread has left it (finished, failed or stopped). */
        CountDownLatch start(FutureTask<?> task, String name) {
            CountDownLatch left = new CountDownLatch(1);
            pool.execute(() -> {
                Thread self = Thread.currentThread();
                String idle = self.getName();
                self.setName("layout " + name);
                try {
                    task.run();
                } finally {
                    self.setName(idle);
                    left.countDown();
                }
            });
            return left;
        }
    }

    /** Loads a template; what goes wrong goes on, except running out of stack, which is {@link Stopped}. */
    interface Loading {
        Template load() throws IOException;
    }

    /**
     * Parses (and checks) a template on a thread with the same fixed stack as a run, so that how
     * deeply a template may nest does not depend on the calling thread, and a template nested
     * beyond it (Freemarker's parser descends once per level) is a user error, not a crash.
     */
    static Template load(Loading loading, Limits limits, Workers workers) throws IOException, Stopped {
        FutureTask<Template> task = new FutureTask<>(loading::load);
        workers.start(task, "parser");
        try {
            return task.get(limits.time().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new Stopped("the layout template took longer than " + seconds(limits.time()) + " s to read",
                    "a layout template is a few hundred lines; is this one generated?");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case StackOverflowError overflow -> throw new Stopped("the layout template is nested too deeply to be"
                        + " read (directives or parentheses inside each other thousands of levels deep)",
                        "nest directives and expressions a few levels deep; use macros for repeated parts");
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException | CancellationException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new Stopped("the layout was interrupted", null);
        }
    }

    /** Runs {@code template} over {@code model}, writing to a fresh output bounded by {@code limits}. */
    static String run(Template template, Map<String, ?> model, Limits limits, Workers workers)
            throws TemplateException, IOException, Stopped {
        return run(template, model, limits, new Output(limits.outputChars()), workers);
    }

    /** As {@link #run(Template, Map, Limits)}, writing to {@code out} (whose length the model may watch). */
    static String run(Template template, Map<String, ?> model, Limits limits, Output out, Workers workers)
            throws TemplateException, IOException, Stopped {
        FutureTask<Void> task = new FutureTask<>(() -> {
            template.process(model, out);
            return null;
        });
        CountDownLatch worker = workers.start(task, template.getName());
        try {
            task.get(limits.time().toMillis(), TimeUnit.MILLISECONDS);
            return out.text();
        } catch (TimeoutException e) {
            task.cancel(true);
            awaitQuietly(worker);
            throw new Stopped("the layout took longer than " + seconds(limits.time()) + " s and was stopped",
                    "look for a #list over an open range such as 1.., or a loop that never ends");
        } catch (ExecutionException e) {
            throw rethrow(e.getCause(), out, limits);
        } catch (InterruptedException | CancellationException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new Stopped("the layout was interrupted", null);
        }
    }

    /** What ended the run, as the exception {@link #run} declares; never returns normally. */
    private static Stopped rethrow(Throwable cause, Output out, Limits limits)
            throws TemplateException, IOException {
        if (out.overflowed) {
            // Freemarker may wrap the writer's exception; the writer knows what happened.
            return new Stopped("the layout wrote more than " + limits.outputChars() + " characters and was stopped",
                    "look for a #list over a large range, or a loop that repeats the same content");
        }
        switch (cause) {
            case StackOverflowError e -> {
                return new Stopped("macros or includes are nested too deeply (a macro that calls itself without end?)",
                        "make sure every recursive macro has a case that stops");
            }
            case OutOfMemoryError e -> {
                return new Stopped("the layout ran out of memory and was stopped",
                        "look for a built-in such as ?join or ?sequence applied to a huge or open range");
            }
            case TemplateException e -> throw e;
            case IOException e -> throw e;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(cause);
        }
    }

    private static String seconds(Duration time) {
        return java.math.BigDecimal.valueOf(time.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    /** Gives an interrupted template a moment to reach an interruption check; never waits long. */
    private static void awaitQuietly(CountDownLatch worker) {
        try {
            worker.await(500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects the output, refusing to grow past the limit. */
    static final class Output extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final int limit;
        private volatile boolean overflowed;
        private final TemplateOrigins origins = new TemplateOrigins();

        Output(int limit) {
            this.limit = limit;
        }

        /** Where in the templates each part of the output was written. */
        TemplateOrigins origins() {
            return origins;
        }

        /** Only a write that may start a tag is noted: problems are reported at tags. */
        private static boolean contains(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '<') {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            if (text.length() + (long) length > limit) {
                overflowed = true;
                throw new IOException("layout output limit reached");
            }
            if (contains(buffer, offset, length)) {
                origins.wrote(text.length());
            }
            text.append(buffer, offset, length);
        }

        @Override
        public void write(String s, int offset, int length) throws IOException {
            if (text.length() + (long) length > limit) {
                overflowed = true;
                throw new IOException("layout output limit reached");
            }
            if (s.indexOf('<', offset) >= 0 && s.indexOf('<', offset) < offset + length) {
                origins.wrote(text.length());
            }
            text.append(s, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        String text() {
            return text.toString();
        }

        /** How many characters have been written so far. */
        int length() {
            return text.length();
        }
    }
}
