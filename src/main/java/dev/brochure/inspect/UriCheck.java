package dev.brochure.inspect;

import dev.brochure.vocab.LinkTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a link's URI can work: it must parse as an absolute URI (RFC 3986, as
 * {@link java.net.URI} reads it, so spaces and other illegal characters are errors), web
 * addresses need a host, and {@code mailto:} needs an address. Only the schemes a brochure may
 * link to ({@link LinkTarget}: http, https, mailto, tel) pass: a {@code javascript:},
 * {@code file:} or {@code data:} link is reported. Whether the address answers is not checked:
 * that needs the network, and verify must give the same answer offline.
 */
final class UriCheck {

    private static final Pattern MAILBOX = Pattern.compile("[^@\\s;]+@[^@\\s;]+\\.[^@\\s;.]+");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

    private UriCheck() {
    }

    /** What is wrong with the URI, if anything. */
    static Optional<String> problem(String text) {
        if (text.isBlank()) {
            return Optional.of("empty URI");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("malformed URI: " + e.getReason() + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !SCHEME.matcher(scheme).matches()) {
            return Optional.of("not an absolute URI (no scheme such as https:)");
        }
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "http", "https" -> {
                if (uri.getHost() == null || uri.getHost().isBlank()) {
                    return Optional.of("web address without a host name");
                }
            }
            case "mailto" -> {
                String address = uri.getSchemeSpecificPart();
                String to = address == null ? "" : address.split("\\?", 2)[0];
                for (String one : to.split(",", -1)) {
                    if (!MAILBOX.matcher(one.strip()).matches()) {
                        return Optional.of("mailto: without a valid e-mail address");
                    }
                }
            }
            case "tel" -> {
                return LinkTarget.problem(text);
            }
            default -> {
                return Optional.of("a '" + scheme.toLowerCase(Locale.ROOT) + ":' link, which a brochure may not carry"
                        + " (only " + String.join(", ", LinkTarget.SCHEMES) + ")");
            }
        }
        return Optional.empty();
    }
}
