package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.Await;
import dev.brochure.testing.Chromium;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
            Await.until(() -> runs.get() == 1, 5000);
            Thread.sleep(300);
            assertEquals(1, runs.get(), "ten pokes within the quiet time are one run");
            debouncer.poke();
            Await.until(() -> runs.get() == 2, 5000);
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
            Await.until(() -> session.server().snapshot().version() >= 1, 60_000);
            LiveServer.Snapshot good = session.server().snapshot();
            assertTrue(good.errors().isEmpty(), err.toString());
            assertFalse(good.pages().isEmpty());
            byte[] goodPdf = Files.readAllBytes(pdf);

            project.replace("sections/cover.yaml", "tagline:", "tagine:");
            Await.until(() -> session.server().snapshot().version() >= 2, 60_000);
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
            String image = "page/" + good.pages().getFirst().imageId() + ".png";
            assertTrue(html.contains("<img src=\"/" + image + "\""), html);
            assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external assets: " + html);
            HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(session.url()
                    + image)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, png.statusCode());
            assertArrayEquals(good.pages().getFirst().png(), png.body());
            // Named by its bytes, the image may be kept by the browser; a name no page has is not found.
            assertTrue(png.headers().firstValue("Cache-Control").orElse("").contains("immutable"), png.headers().toString());
            assertEquals(404, get(session.url() + "page/" + "0".repeat(32) + ".png").statusCode());

            project.replace("sections/cover.yaml", "tagine:", "tagline:");
            Await.until(() -> session.server().snapshot().version() >= 3, 60_000);
            assertTrue(session.server().snapshot().errors().isEmpty(), session.server().snapshot().errors().toString());
        }
    }

    /**
     * End to end: Chromium (headless, driven through its DevTools protocol) shows the page; a
     * section's YAML is edited; the page shows the finished build within a second. (The whole
     * edit-to-page time, with the release jar and a project made by init, is ReleaseJarIT's.)
     */
    @Test
    void anEditIsOnThePageInChromiumWithinASecond() throws Exception {
        Chromium.assumeInstalled();
        TestProject project = TestProject.copy("minimal", temp);
        Path pdf = temp.resolve("out/brochure.pdf");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (WatchCommand.Session session = session(project, pdf, out, err)) {
            session.start();
            Await.until(() -> session.server().snapshot().version() >= 1, 60_000);
            assertTrue(session.server().snapshot().errors().isEmpty(), err.toString());
            try (Chromium page = Chromium.open(session.url(), temp.resolve("chromium"))) {
                page.await("document.readyState === 'complete' && document.images.length > 0", 30_000);
                assertTrue(page.evaluate("document.body.innerHTML.includes('Fixture Brochure')"));
                // The page holds its server-sent events connection before the edit.
                page.await("events.readyState === EventSource.OPEN", 10_000);

                long start = System.nanoTime();
                project.replace("sections/cover.yaml", "title: Fixture Brochure", "title: Lighthouse Weekend");
                Await.until(() -> session.server().snapshot().version() >= 2, 60_000);
                long built = System.nanoTime();
                page.await("document.body.innerHTML.includes('Lighthouse Weekend')", 10_000);
                long shown = System.nanoTime();
                long millis = (shown - start) / 1_000_000;
                long refresh = (shown - built) / 1_000_000;
                System.out.printf("watch: the edit was on the page in Chromium after %d ms (build %d ms, page refresh"
                        + " %d ms)%n", millis, millis - refresh, refresh);
                // What the page adds to a build: it shows the finished build within a second.
                assertTrue(refresh < 1000, "the page took " + refresh + " ms to show the finished build");
                // The cover's title changed (the brochure's own title, in the running footer, did not).
                assertFalse(page.evaluate("document.images[0].alt.includes('Fixture Brochure')"));

                // The page updates itself in place: a failed build's errors appear above the last
                // good pages, and go when the next build is good.
                project.replace("sections/cover.yaml", "tagline:", "tagine:");
                page.await("document.getElementById('errors')?.textContent.includes('cover.yaml:4:1: error:')"
                        + " && document.images.length > 0", 30_000);
                project.replace("sections/cover.yaml", "tagine:", "tagline:");
                page.await("!document.getElementById('errors') && document.body.innerHTML.includes('Lighthouse Weekend')",
                        30_000);
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

}
