package dev.brochure.mail;

import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLSocketFactory;

/**
 * Where and how to send: the SMTP server from {@code --smtp} ({@code smtp://[user@]host[:port]}
 * with STARTTLS required, {@code smtps://...} with implicit TLS), whether plain text is allowed
 * ({@code --insecure}, for a local test server only), the user and the password (never part of
 * the URL: it comes from an environment variable or a file, see {@link Password}), and the
 * timeouts. {@code toString} never shows the password.
 */
public record SmtpSettings(Security security, String host, int port, String user, Password password,
        Duration timeout, SSLSocketFactory sockets) {

    /** How the connection is protected. */
    public enum Security {
        /** {@code smtp://}: the server must offer STARTTLS, and the session is encrypted before anything is sent. */
        STARTTLS,
        /** {@code smtps://}: TLS from the first byte. */
        IMPLICIT_TLS,
        /** {@code smtp://} with {@code --insecure}: no encryption (a local test server). */
        PLAIN
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public SmtpSettings {
        if (user != null && password == null) {
            throw new IllegalArgumentException("a user needs a password source");
        }
    }

    /**
     * Reads {@code --smtp}. A password written into the URL is refused (it would be on the
     * command line, in the shell's history and in the process list) without repeating it.
     */
    public static SmtpSettings parse(String url, boolean insecure, Password password) {
        SourceLocation where = SourceLocation.of("--smtp");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw BrochureException.of(where, "the SMTP URL is not a URL", "write smtp://user@host:587 or smtps://user@host:465");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String info = uri.getRawUserInfo();
        if (info != null && info.contains(":")) {
            throw BrochureException.of(where, "the SMTP URL holds a password; a password is never given on the command line",
                    "remove it from the URL and give it with --password-env NAME or --password-file FILE");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw BrochureException.of(where, "the SMTP URL names no host", "write smtp://user@host:587 or smtps://user@host:465");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null) {
            throw BrochureException.of(where, "the SMTP URL has a path or query, which SMTP does not use",
                    "write smtp://user@host:587");
        }
        Security security = switch (scheme) {
            case "smtp" -> insecure ? Security.PLAIN : Security.STARTTLS;
            case "smtps" -> Security.IMPLICIT_TLS;
            default -> throw BrochureException.of(where, "the SMTP URL must begin with smtp:// or smtps://",
                    "smtp://host:587 (STARTTLS) or smtps://host:465 (TLS)");
        };
        if (insecure && security == Security.IMPLICIT_TLS) {
            throw BrochureException.of(where, "--insecure allows plain text on smtp://; smtps:// is always encrypted",
                    "leave out --insecure");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : security == Security.IMPLICIT_TLS ? 465 : 587;
        String user = info == null ? null : URLDecoder.decode(info, StandardCharsets.UTF_8);
        if (user != null && password == null) {
            throw BrochureException.of(where, "the SMTP URL names the user " + user + " but no password is given",
                    "give it with --password-env NAME (an environment variable) or --password-file FILE");
        }
        if (user == null && password != null) {
            throw BrochureException.of(where, "a password is given but the SMTP URL names no user",
                    "write the user into the URL: smtp://user@host:587");
        }
        return new SmtpSettings(security, uri.getHost(), port, user, password, DEFAULT_TIMEOUT, null);
    }

    /** The same settings with other timeouts (tests use short ones). */
    public SmtpSettings withTimeout(Duration other) {
        return new SmtpSettings(security, host, port, user, password, other, sockets);
    }

    /**
     * The same settings with TLS sockets made by {@code factory}, which alone decides whom to
     * trust: for tests against a local server with a certificate of its own (GreenMail's, which
     * names no host). Jakarta Mail's own check of the server's name is then left out. The command
     * line offers no way to do this.
     */
    public SmtpSettings withSockets(SSLSocketFactory factory) {
        return new SmtpSettings(security, host, port, user, password, timeout, factory);
    }

    /** The server as people write it, without any secret. */
    public String display() {
        return (security == Security.IMPLICIT_TLS ? "smtps://" : "smtp://") + (user == null ? "" : user + "@") + host
                + ":" + port + switch (security) {
                    case STARTTLS -> " (STARTTLS)";
                    case IMPLICIT_TLS -> " (TLS)";
                    case PLAIN -> " (plain text, --insecure)";
                };
    }

    @Override
    public String toString() {
        return display();
    }
}
