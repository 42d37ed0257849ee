package dev.brochure.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.brochure.inspect.preview.LivePages;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The page {@code brochure watch} serves, on the loopback interface only: the last good build's
 * pages as images (each described by its text), the PDF, and the errors of a failed build; it
 * updates itself when a build ends, told by server-sent events ({@code /events}). Everything it
 * needs is inline: no external assets.
 */
final class LiveServer implements AutoCloseable {

    /** What the page shows: a build number, the last good pages and PDF, and the last build's errors. */
    record Snapshot(long version, List<LivePages.Page> pages, byte[] pdf, List<String> errors, String status) {
        static final Snapshot EMPTY = new Snapshot(0, List.of(), null, List.of(), "building...");
    }

    private static final String END = "\u0000end";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<LinkedBlockingQueue<String>> listeners = ConcurrentHashMap.newKeySet();
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    /** Listens on 127.0.0.1 (the loopback address) at {@code port}; 0 takes a free port. */
    LiveServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Where the page is. */
    String url() {
        InetSocketAddress at = server.getAddress();
        return "http://" + at.getAddress().getHostAddress() + ":" + at.getPort() + "/";
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    /** A build ended: the page shows {@code next} and every open page updates itself. */
    void show(Snapshot next) {
        snapshot = next;
        for (LinkedBlockingQueue<String> listener : listeners) {
            listener.offer(Long.toString(next.version()));
        }
    }

    Snapshot snapshot() {
        return snapshot;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Snapshot now = snapshot;
            if (path.equals("/")) {
                send(exchange, 200, "text/html; charset=utf-8", LivePage.html(now).getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/events")) {
                events(exchange);
            } else if (path.equals("/brochure.pdf") && now.pdf() != null) {
                send(exchange, 200, "application/pdf", now.pdf());
            } else if (path.matches("/page/[0-9a-f]{32}\\.png")) {
                // A page's image is named by its bytes, so the browser keeps it: after a build the
                // page updates itself and fetches only the images of the pages that changed.
                String id = path.substring(6, path.length() - 4);
                LivePages.Page page = now.pages().stream().filter(p -> p.imageId().equals(id)).findFirst().orElse(null);
                if (page == null) {
                    send(exchange, 404, "text/plain", "no such page".getBytes(StandardCharsets.UTF_8));
                } else {
                    exchange.getResponseHeaders().set("Cache-Control", "private, max-age=86400, immutable");
                    send(exchange, 200, "image/png", page.png());
                }
            } else {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Server-sent events: the build number now, then one event per build, until the page goes away. */
    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        listeners.add(queue);
        try {
            OutputStream out = exchange.getResponseBody();
            // The build number read after listening: a build that ends meanwhile is not missed.
            out.write(("retry: 300\nevent: build\ndata: " + snapshot.version() + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                String version = queue.poll(15, TimeUnit.SECONDS);
                if (END.equals(version)) {
                    return;
                }
                // A comment every 15 s finds pages that went away.
                out.write((version == null ? ":\n\n" : "event: build\ndata: " + version + "\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the page was closed
        } finally {
            listeners.remove(queue);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().putIfAbsent("Cache-Control", List.of("no-store"));
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        for (LinkedBlockingQueue<String> listener : listeners) {
            listener.offer(END);
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
