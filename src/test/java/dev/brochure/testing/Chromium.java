package dev.brochure.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (the Debian package {@code chromium}) showing one page, driven through the
 * smallest client of its DevTools protocol: it evaluates boolean expressions in the page. A test
 * that needs it is skipped (not failed) on a machine without Chromium.
 */
public final class Chromium implements AutoCloseable, WebSocket.Listener {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final Pattern SOCKET = Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+/page/[^\"]+)\"");

    private final Process process;
    private final StringBuilder partial = new StringBuilder();
    private volatile CompletableFuture<String> reply;
    private WebSocket socket;
    private int id;

    private Chromium(Process process) {
        this.process = process;
    }

    /** Skips the calling test unless Chromium is installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE),
                "assumes Chromium is installed (Debian package 'chromium'); without it the browser test cannot run");
    }

    /** Starts Chromium on {@code url}, with its profile and log in {@code folder}, and connects to the page. */
    public static Chromium open(String url, Path folder) throws Exception {
        assumeInstalled();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.createDirectories(folder);
        Process process = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + folder.resolve("profile"), "--remote-debugging-port=" + port,
                "--remote-allow-origins=*", url)
                .redirectErrorStream(true).redirectOutput(folder.resolve("chromium.log").toFile()).start();
        Chromium chromium = new Chromium(process);
        try {
            chromium.connect(port);
            return chromium;
        } catch (Exception | AssertionError e) {
            chromium.close();
            throw e;
        }
    }

    private void connect(int port) throws Exception {
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
        socket = http.newWebSocketBuilder().buildAsync(URI.create(url), this).get(30, TimeUnit.SECONDS);
    }

    /** The expression's value in the page; false while the page is reloading. */
    public synchronized boolean evaluate(String expression) {
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

    /** Waits until the expression is true in the page; fails after {@code millis}. */
    public void await(String expression, long millis) throws InterruptedException {
        Await.until(() -> evaluate(expression), millis);
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
    public void close() throws InterruptedException {
        if (socket != null) {
            socket.abort();
        }
        // Its helpers (renderer, zygote, crash handler) may still write into the profile after the
        // browser itself has gone; the test's folder can only be removed once they have ended too.
        java.util.List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle helper : helpers) {
            helper.destroy();
            try {
                helper.onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                helper.destroyForcibly();
            }
        }
    }
}
