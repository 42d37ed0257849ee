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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code brochure watch}: builds, then builds again whenever the content, layouts, theme, fonts
 * or images change, and serves a page on 127.0.0.1 that shows the pages and reloads itself.
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

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535");
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
     * layouts) are reused and only what changed is read again.
     */
    static final class Session implements AutoCloseable {

        static final long QUIET_MILLIS = 100;
        static final float DPI = 96;

        private final Context context;
        private final BuildRequest request;
        private final LiveServer server;
        private final Debouncer debouncer;
        private FolderWatch watch;
        private long version;
        private List<LivePages.Page> pages = List.of();
        private byte[] pdf;
        private volatile boolean closed;

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
            watch = new FolderWatch(folders, p -> ignored(p, out), changed -> debouncer.poke());
            context.out().println("watching " + request.contentDir() + ", preview at " + server.url()
                    + " (Ctrl-C stops)");
            context.out().flush();
            debouncer.poke();
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
            try {
                BuildResult result = context.pipeline().build(request);
                context.report(result.warnings());
                pdf = Files.readAllBytes(request.output());
                pages = LivePages.render(request.output(), DPI);
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
