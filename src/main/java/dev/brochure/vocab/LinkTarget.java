package dev.brochure.vocab;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a link in a brochure may go: a web page ({@code http:}, {@code https:}), an e-mail
 * address ({@code mailto:}), a telephone number ({@code tel:}) or a section of the brochure
 * ({@code #id}). Nothing else: {@code javascript:}, {@code file:}, {@code data:} or a launch of a
 * program would run code or open files on the reader's machine, and a relative path goes nowhere
 * in a PDF. Content, layouts and {@code verify} judge targets by this one rule.
 */
public final class LinkTarget {

    /** The schemes a link may use, as written in messages. */
    public static final List<String> SCHEMES = List.of("http", "https", "mailto", "tel");
    /** What to tell someone whose target was refused. */
    public static final String HINT = "a link may go to an http:, https:, mailto: or tel: address, or to a #section-id";

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.*", Pattern.DOTALL);
    private static final Pattern ANCHOR = Pattern.compile("#[^\\s#]+");
    private static final Pattern MAILBOX = Pattern.compile("[^@\\s;,?]+@[^@\\s;,?]+\\.[^@\\s;,?.]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]*(;[A-Za-z0-9=+-]+)*");

    private LinkTarget() {
    }

    /** Whether {@code target} is a link into the brochure itself ({@code #id}). */
    public static boolean isAnchor(String target) {
        return target.startsWith("#");
    }

    /** What is wrong with {@code target} as a brochure's link target, or empty when it may be used. */
    public static Optional<String> problem(String target) {
        if (target == null || target.isBlank()) {
            return Optional.of("the link target is empty");
        }
        if (isAnchor(target)) {
            return ANCHOR.matcher(target).matches() ? Optional.empty()
                    : Optional.of("'" + shorten(target) + "' is not a section id (#name, without spaces)");
        }
        var scheme = SCHEME.matcher(target);
        if (!scheme.matches()) {
            return Optional.of("'" + shorten(target) + "' has no scheme such as https:; a relative address goes nowhere"
                    + " in a PDF");
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(name)) {
            return Optional.of("links to '" + name + ":' are not allowed (" + shorten(target) + ")");
        }
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return Optional.of("'" + shorten(target) + "' is not a well-formed address: " + e.getReason());
        }
        String rest = uri.getSchemeSpecificPart() == null ? "" : uri.getSchemeSpecificPart();
        return switch (name) {
            case "http", "https" -> uri.getHost() == null || uri.getHost().isBlank()
                    ? Optional.of("'" + shorten(target) + "' is a web address without a host name") : Optional.empty();
            case "mailto" -> {
                for (String one : rest.split("\\?", 2)[0].split(",", -1)) {
                    if (!MAILBOX.matcher(one.strip()).matches()) {
                        yield Optional.of("'" + shorten(target) + "' has no valid e-mail address");
                    }
                }
                yield Optional.empty();
            }
            default -> PHONE.matcher(rest).matches() ? Optional.empty()
                    : Optional.of("'" + shorten(target) + "' is not a telephone number");
        };
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
