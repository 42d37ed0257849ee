package dev.brochure.cli;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.inspect.preview.LivePages;
import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.BuildResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code brochure watch}: builds, then builds again whenever the content, layouts, theme, fonts
 * or images change, and serves a page on 127.0.0.1 that shows the pages and updates itself.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Rebuild on every change and show the pages in the browser (http://127.0.0.1:PORT/). "
                + "Ctrl-C stops.")
final class WatchCommand extends Subcommand implements Callable<Integer> {

    @Mixin
    ContentOptions content;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8357",
            description = "Port of the preview page on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "out/brochure.pdf",
            description = "Where each good build writes the PDF (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw usageError("--port must be 0 to 65535");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Session session = new Session(context(), content.request(output), port);
        Thread hook = new Thread(() -> {
            session.close();
            stopped.countDown();
        }, "brochure watch stop");
        Runtime.getRuntime().addShutdownHook(hook);
        session.start();
        stopped.await();
        return ExitCode.OK;
    }

    /**
     * One watch session: a first build, the page, and a build after every quiet change. One
     * pipeline serves every build, so its build context's caches (fonts, images, compiled
     * layouts) are reused and only what changed is read again; a few builds in the background
     * after the first one make the first edit's build as fast as later ones, and the page
     * renders again only the pages a build changed.
     */
    static final class Session implements AutoCloseable {

        static final long QUIET_MILLIS = 100;
        static final float DPI = 96;
        /** Builds in the background after the first one; the figures behind the number are in docs/performance.md. */
        static final int WARM_UP_BUILDS = 10;

        private final Context context;
        private final BuildRequest request;
        private final LiveServer server;
        private final Debouncer debouncer;
        private FolderWatch watch;
        private long version;
        private List<LivePages.Page> pages = List.of();
        private byte[] pdf;
        private volatile boolean closed;
        private boolean warmedUp;
        /** Set by a change of a theme or font file: the next page is rendered whole ({@link #mayChangeGlyphs}). */
        private final AtomicBoolean fontsMayDiffer = new AtomicBoolean();

        Session(Context context, BuildRequest request, int port) throws IOException {
            this.context = context;
            this.request = request;
            try {
                this.server = new LiveServer(port);
            } catch (java.net.BindException e) {
                throw BrochureException.of(dev.brochure.vocab.SourceLocation.of("127.0.0.1:" + port),
                        "cannot serve the preview: the port is in use", "choose another with --port, or --port 0 for any");
            }
            this.debouncer = new Debouncer(QUIET_MILLIS, this::build);
        }

        /** Builds once, starts watching, and says where the page is. */
        void start() throws IOException {
            Path contentDir = request.contentDir().toAbsolutePath().normalize();
            Path root = request.projectRoot().toAbsolutePath().normalize();
            Path out = request.output().toAbsolutePath().normalize();
            List<Path> folders = new ArrayList<>(List.of(contentDir, root.resolve("images"), root.resolve("fonts")));
            watch = new FolderWatch(folders, p -> ignored(p, out), changed -> {
                if (mayChangeGlyphs(changed, contentDir, root)) {
                    fontsMayDiffer.set(true);
                }
                debouncer.poke();
            });
            context.out().println("watching " + request.contentDir() + ", preview at " + server.url()
                    + " (Ctrl-C stops)");
            context.out().flush();
            debouncer.poke();
        }

        /**
         * Whether a change may change the outlines of a font's glyphs: a file under a theme folder,
         * the project's {@code fonts/}, or a font file anywhere. After any other change (a section,
         * a layout, {@code brochure.yaml}, an editor's temporary file, a photo, which the PDF holds
         * as its bytes) the page images of the last build are reused for every page that draws the
         * same, even if a font's subset gained or lost glyphs elsewhere
         * ({@link LivePages#render(Path, float, List)}).
         */
        private static boolean mayChangeGlyphs(Path path, Path contentDir, Path root) {
            String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
            return path.startsWith(contentDir.resolve("themes")) || path.startsWith(root.resolve("fonts"))
                    || name.matches(".*\\.(ttf|otf|ttc|otc)");
        }

        /** The PDF being written and editors' temporary files start no build. */
        private static boolean ignored(Path path, Path out) {
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            return path.equals(out) || name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp")
                    || (path.getParent() != null && path.getParent().equals(out.getParent())
                            && name.startsWith("." + out.getFileName()));
        }

        String url() {
            return server.url();
        }

        LiveServer server() {
            return server;
        }

        /** Builds now (on the debouncer's thread), prints what happened and updates the page. */
        void build() {
            if (closed) {
                return;
            }
            long start = System.nanoTime();
            List<String> errors = List.of();
            String status;
            List<LivePages.Page> reusable = fontsMayDiffer.getAndSet(false) ? List.of() : pages;
            try {
                BuildResult result = context.pipeline().build(request);
                context.report(result.warnings());
                pdf = Files.readAllBytes(request.output());
                pages = LivePages.render(request.output(), DPI, reusable);
                status = String.format(Locale.ROOT, "built %d pages in %.2f s", result.pages(),
                        (System.nanoTime() - start) / 1e9);
                context.out().println(status.replace("built", "wrote " + request.output() + ":"));
            } catch (BrochureException e) {
                context.report(e.diagnostics());
                errors = e.diagnostics().stream().filter(Diagnostic::isError).map(d -> Context.bounded(d).format())
                        .toList();
                status = "build failed (" + errors.size() + (errors.size() == 1 ? " error)" : " errors)");
                context.out().println(status + "; the page keeps the last good build");
            } catch (IOException | RuntimeException e) {
                errors = List.of("brochure: " + e);
                status = "build failed";
                context.err().println("brochure: the build failed: " + e);
            }
            context.out().flush();
            context.err().flush();
            server.show(new LiveServer.Snapshot(++version, pages, pdf, errors, status));
            if (errors.isEmpty() && !warmedUp) {
                warmedUp = true;
                warmUp(WARM_UP_BUILDS, version);
            }
        }

        /**
         * Builds {@code rounds} more times in the background after the first good build, into a
         * temporary file that is then deleted, and prepares the page from it, so that the Java
         * runtime has compiled the build's code and the build context holds what it reads before
         * the first edit: the first rebuild is then as fast as later ones (docs/performance.md).
         * A round starts only when no change waits, and none after the next build; a change that
         * comes during a round is built when it ends. Nothing is printed and nothing the user sees
         * changes.
         */
        private void warmUp(int rounds, long after) {
            debouncer.whenIdle(() -> {
                if (closed || rounds <= 0 || version != after) {
                    return;
                }
                Path scratch = null;
                try {
                    scratch = Files.createTempFile("brochure-watch-", ".pdf");
                    context.pipeline().build(new BuildRequest(request.contentDir(), request.projectRoot(), scratch,
                            request.paper(), request.profile(), request.strict(), request.maxSize(), request.archive()));
                    LivePages.render(scratch, DPI, pages);
                    warmUp(rounds - 1, after);
                } catch (IOException | RuntimeException e) {
                    // only a head start: the next build reports whatever is wrong
                } finally {
                    if (scratch != null) {
                        try {
                            Files.deleteIfExists(scratch);
                        } catch (IOException e) {
                            // a temporary file left in the temporary folder
                        }
                    }
                }
            });
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            debouncer.close();
            try {
                if (watch != null) {
                    watch.close();
                }
            } catch (IOException e) {
                // nothing more to stop
            }
            server.close();
            context.out().println("stopped watching");
            context.out().flush();
        }
    }
}
