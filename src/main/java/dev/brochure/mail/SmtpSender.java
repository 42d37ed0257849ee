package dev.brochure.mail;

import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One SMTP connection (Jakarta Mail with Eclipse Angus Mail's SMTP transport), opened when first
 * needed and kept for the next message, opened again after it was lost. {@link #send} makes one
 * attempt and says what became of it. It knows whether the server answered the end of the
 * message's data: a connection lost after the data was complete and before the answer leaves
 * the outcome unknown (the server may have accepted the message), which is never retried.
 * Jakarta Mail's debug output is off, so the authentication exchange is never printed.
 */
final class SmtpSender implements AutoCloseable {

    /** What became of one attempt. */
    enum Outcome {
        /** The server accepted the message (250 after the data). */
        SENT,
        /** The server refused it for good (5xx). */
        PERMANENT,
        /** The server refused it for now (4xx), or the connection failed before the message was complete. */
        TEMPORARY,
        /** The data was complete but no answer came: the message may have been delivered. */
        UNKNOWN
    }

    /** An attempt's outcome and the server's reply (or what went wrong), for the ledger and the report. */
    record Attempt(Outcome outcome, String reply) {
    }

    private final SmtpSettings settings;
    private final Session session;
    private Tracked transport;

    SmtpSender(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        session.setDebug(false);
    }

    Session session() {
        return session;
    }

    static Properties properties(SmtpSettings s) {
        String p = s.security() == SmtpSettings.Security.IMPLICIT_TLS ? "smtps" : "smtp";
        Properties props = new Properties();
        props.put("mail.transport.protocol", p);
        props.put("mail." + p + ".host", s.host());
        props.put("mail." + p + ".port", Integer.toString(s.port()));
        String millis = Long.toString(s.timeout().toMillis());
        props.put("mail." + p + ".connectiontimeout", millis);
        props.put("mail." + p + ".timeout", millis);
        props.put("mail." + p + ".writetimeout", millis);
        props.put("mail." + p + ".auth", Boolean.toString(s.user() != null));
        props.put("mail." + p + ".ssl.checkserveridentity", Boolean.toString(s.sockets() == null));
        switch (s.security()) {
            case STARTTLS -> {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
            }
            case PLAIN -> props.put("mail.smtp.starttls.enable", "false");
            case IMPLICIT_TLS -> props.put("mail.smtps.ssl.enable", "true");
        }
        if (s.sockets() != null) {
            props.put("mail." + p + ".ssl.socketFactory", s.sockets());
        }
        return props;
    }

    /**
     * One attempt to send {@code message}. A problem that no retry can mend (the server refuses
     * the user name or password, offers no STARTTLS, or has a certificate that cannot be trusted)
     * is a {@link BrochureException}: sending stops.
     */
    Attempt send(MimeMessage message) {
        Attempt unconnected = connect();
        if (unconnected != null) {
            return unconnected;
        }
        transport.dataEnded = false;
        transport.answeredData = false;
        try {
            transport.sendMessage(message, message.getAllRecipients());
            return new Attempt(Outcome.SENT, reply(transport.getLastServerResponse()));
        } catch (MessagingException | IllegalStateException e) {
            boolean unknown = transport.dataEnded && !transport.answeredData;
            int code = code(e);
            if (!transport.isConnectedQuietly()) {
                close();
            }
            if (unknown || transport.dataEnded && code < 0) {
                return new Attempt(Outcome.UNKNOWN, "the connection was lost after the message was sent, before "
                        + "the server confirmed it: " + describe(e));
            }
            if (code >= 500 && code < 600) {
                return new Attempt(Outcome.PERMANENT, describe(e));
            }
            return new Attempt(Outcome.TEMPORARY, describe(e));
        }
    }

    /**
     * Makes sure a connection is open, before any transaction begins: null when it is, the
     * temporary failure when it cannot be opened now. A problem that no retry can mend is a
     * {@link BrochureException} (see {@link #send}).
     */
    Attempt connect() {
        try {
            open();
            return null;
        } catch (MessagingException e) {
            close();
            return connectionProblem(e);
        }
    }

    private void open() throws MessagingException {
        if (transport != null && transport.isConnectedQuietly()) {
            return;
        }
        close();
        boolean ssl = settings.security() == SmtpSettings.Security.IMPLICIT_TLS;
        String protocol = ssl ? "smtps" : "smtp";
        transport = new Tracked(session, new URLName(protocol, settings.host(), settings.port(), null, settings.user(),
                null), protocol, ssl);
        if (settings.user() == null) {
            transport.connect();
        } else {
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password().reveal());
        }
    }

    private Attempt connectionProblem(MessagingException e) {
        String text = describe(e);
        SourceLocation where = SourceLocation.of("--smtp");
        if (e instanceof AuthenticationFailedException) {
            throw BrochureException.of(where, "the server " + settings.display() + " refused the user name or password"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage().strip() + ")"),
                    "check the user in --smtp and the password's " + settings.password().source());
        }
        if (text.contains("STARTTLS is required")) {
            throw BrochureException.of(where, "the server " + settings.display() + " does not offer STARTTLS, "
                    + "so the password and the messages would cross the network unencrypted",
                    "use smtps:// if the server offers TLS on its own port; --insecure only for a local test server");
        }
        if (cause(e, SSLException.class) != null) {
            throw BrochureException.of(where, "no secure connection to " + settings.display() + ": " + text,
                    "check the host name (the certificate must name it) and the port: 587 for smtp://, 465 for smtps://");
        }
        int code = code(e);
        if (code >= 500 && code < 600) {
            throw BrochureException.of(where, "the server " + settings.display() + " refused the connection: " + text,
                    null);
        }
        return new Attempt(Outcome.TEMPORARY, "cannot connect to " + settings.display() + ": " + text);
    }

    /** The SMTP reply code in {@code e}'s chain, or -1. */
    static int code(Throwable e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
        }
        return -1;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The most telling line of a failure: the innermost server reply or I/O problem. */
    static String describe(Throwable e) {
        String best = null;
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException || t instanceof SMTPSendFailedException) {
                return reply(t.getMessage());
            }
            if (t instanceof IOException && best == null) {
                best = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            }
        }
        if (best != null) {
            return reply(best);
        }
        return reply(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static String reply(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // The connection is gone either way.
            }
            transport = null;
        }
    }

    /** The SMTP transport, noting when the end of the data was sent and whether the server answered it. */
    private static final class Tracked extends SMTPTransport {
        volatile boolean dataEnded;
        volatile boolean answeredData;

        Tracked(Session session, URLName url, String name, boolean ssl) {
            super(session, url, name, ssl);
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            dataEnded = true;
            super.finishData();
        }

        @Override
        protected int readServerResponse() throws MessagingException {
            int code = super.readServerResponse();
            if (dataEnded && code > 0) {
                answeredData = true;
            }
            return code;
        }

        boolean isConnectedQuietly() {
            try {
                return isConnected();
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
