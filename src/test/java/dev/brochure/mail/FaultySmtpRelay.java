package dev.brochure.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-text SMTP relay on loopback in front of a real server (GreenMail), passing every
 * command and reply through unchanged except for the faults a test asks for: a 550 to the
 * RCPT of given addresses, or a 451 to the first RCPT of others; after a number of accepted messages, a 421 to everything and a
 * closed connection (the server failing mid-run); or, for given addresses, the connection
 * closed right after the end of the message's data, before the server's reply reaches the
 * client (the server has the message; the client cannot know).
 */
final class FaultySmtpRelay implements AutoCloseable {

    private static final Pattern RCPT = Pattern.compile("RCPT TO:\\s*<([^>]*)>.*", Pattern.CASE_INSENSITIVE);

    private final int upstream;
    private final ServerSocket server;
    private final Thread acceptor;
    final Set<String> reject = ConcurrentHashMap.newKeySet();
    final Set<String> dropAfterData = ConcurrentHashMap.newKeySet();
    /** Addresses whose first RCPT gets a 451 (try again later); later ones pass. */
    final Set<String> deferOnce = ConcurrentHashMap.newKeySet();
    volatile int failAfter = -1;
    final AtomicInteger accepted = new AtomicInteger();

    FaultySmtpRelay(int upstreamPort) throws IOException {
        this.upstream = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "faulty-smtp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private boolean failing() {
        return failAfter >= 0 && accepted.get() >= failAfter;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> relay(client), "faulty-smtp-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket up = new Socket(InetAddress.getLoopbackAddress(), upstream)) {
            BufferedReader fromClient = reader(client);
            BufferedReader fromServer = reader(up);
            OutputStream toClient = client.getOutputStream();
            OutputStream toServer = up.getOutputStream();
            String greeting = response(fromServer);
            if (failing()) {
                send(toClient, "421 4.3.2 Service not available, closing transmission channel");
                return;
            }
            toClient.write(greeting.getBytes(StandardCharsets.ISO_8859_1));
            String rcpt = "";
            String line;
            while ((line = fromClient.readLine()) != null) {
                if (failing()) {
                    send(toClient, "421 4.3.2 Service not available, closing transmission channel");
                    return;
                }
                Matcher m = RCPT.matcher(line);
                if (m.matches()) {
                    rcpt = m.group(1).toLowerCase(Locale.ROOT);
                    if (deferOnce.remove(rcpt)) {
                        send(toClient, "451 4.7.1 <" + rcpt + ">: Recipient address deferred, try again later");
                        continue;
                    }
                    if (reject.contains(rcpt)) {
                        send(toClient, "550 5.1.1 <" + rcpt + ">: Recipient address rejected: User unknown");
                        continue;
                    }
                }
                send(toServer, line);
                String reply = response(fromServer);
                if (line.equalsIgnoreCase("DATA") && reply.startsWith("354")) {
                    toClient.write(reply.getBytes(StandardCharsets.ISO_8859_1));
                    toClient.flush();
                    String data;
                    while ((data = fromClient.readLine()) != null && !data.equals(".")) {
                        send(toServer, data);
                    }
                    send(toServer, ".");
                    reply = response(fromServer);
                    if (dropAfterData.contains(rcpt)) {
                        return;
                    }
                    if (reply.startsWith("250")) {
                        accepted.incrementAndGet();
                    }
                }
                toClient.write(reply.getBytes(StandardCharsets.ISO_8859_1));
                toClient.flush();
                if (line.equalsIgnoreCase("QUIT")) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client or the server went away: so does the relay's connection.
        }
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** A whole reply, its lines ended with CRLF. */
    private static String response(BufferedReader in) throws IOException {
        StringBuilder all = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            all.append(line).append("\r\n");
            if (line.length() < 4 || line.charAt(3) != '-') {
                break;
            }
        }
        if (line == null) {
            throw new IOException("the server closed the connection");
        }
        return all.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
