package dev.brochure.content;

import dev.brochure.content.model.RichText;
import dev.brochure.content.model.RichText.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The light inline markup that content text may use, parsed into {@link RichText}:
 * {@code **bold**}, {@code *italic*} or {@code _italic_}, {@code [label](https://…)}, web
 * addresses and e-mail addresses (linked automatically), and {@code \} to escape a marker (or
 * a quote, hyphen or dot that typographic normalisation should leave alone). Markup that is not
 * closed stays literal text: the parser never fails.
 */
public final class InlineMarkup {

    /** Web addresses linked where they stand (Personalisation finds them in a reader's field too). */
    static final Pattern URL = Pattern.compile("https?://[^\\s<>\\[\\]\"]+");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final String TRAILING_PUNCTUATION = ".,;:!?'\")";

    private final String src;
    /** Plain text: only escapes and addresses are recognised, no emphasis or link markup. */
    private final boolean plain;
    private final List<Span> spans = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();
    private boolean bold;
    private boolean italic;
    private char italicMarker;

    private InlineMarkup(String src, boolean plain) {
        this.src = src;
        this.plain = plain;
    }

    /** The spans of {@code text}, typographically normalised ({@link Typography}). */
    public static RichText parse(String text) {
        InlineMarkup parser = new InlineMarkup(text.replaceAll("\\s*\\R\\s*", " "), false);
        parser.run();
        return Typography.apply(new RichText(parser.spans));
    }

    /**
     * The text of a field without markup (a name, a role, a date, alternative text), normalised
     * as {@link #parse} normalises text: {@code **} and {@code [..](..)} stay as typed, but web
     * and e-mail addresses are still left exactly as written, and a backslash still keeps the
     * quote, hyphen or dot after it straight (any other backslash is an ordinary character).
     */
    public static String plain(String text) {
        InlineMarkup parser = new InlineMarkup(text, true);
        parser.run();
        return Typography.apply(new RichText(parser.spans)).plainText();
    }

    private void run() {
        int i = 0;
        while (i < src.length()) {
            i = step(i);
        }
        flush(null);
    }

    private int step(int i) {
        char c = src.charAt(i);
        if (c == '\\' && i + 1 < src.length() && (!plain || Typography.literal(src.charAt(i + 1)) != src.charAt(i + 1))) {
            // An escaped quote, hyphen or dot also stays straight: Typography leaves it alone.
            pending.append(Typography.literal(src.charAt(i + 1)));
            return i + 2;
        }
        if (plain) {
            int end = atWordStart(i) ? autolink(i) : -1;
            if (end > 0) {
                return end;
            }
            pending.append(c);
            return i + 1;
        }
        if (src.startsWith("**", i) && (bold || closes("**", i + 2))) {
            flush(null);
            bold = !bold;
            return i + 2;
        }
        if ((c == '*' || c == '_') && isItalicMarker(c, i)) {
            flush(null);
            italic = !italic;
            italicMarker = italic ? c : 0;
            return i + 1;
        }
        if (c == '[') {
            int end = linkEnd(i);
            if (end > 0) {
                return end;
            }
        }
        if (atWordStart(i)) {
            int end = autolink(i);
            if (end > 0) {
                return end;
            }
        }
        pending.append(c);
        return i + 1;
    }

    private boolean isItalicMarker(char c, int i) {
        if (italic) {
            return c == italicMarker && i > 0 && !Character.isWhitespace(src.charAt(i - 1));
        }
        boolean opensWord = i + 1 < src.length() && !Character.isWhitespace(src.charAt(i + 1));
        if (c == '_' && i > 0 && Character.isLetterOrDigit(src.charAt(i - 1))) {
            return false; // snake_case words keep their underscores
        }
        return opensWord && closes(String.valueOf(c), i + 1);
    }

    /** Whether a closing marker follows, so that a lone marker stays literal. */
    private boolean closes(String marker, int from) {
        int j = src.indexOf(marker, from);
        while (j > from && marker.equals("*") && src.startsWith("**", j)) {
            j = src.indexOf(marker, j + 2);
        }
        return j > from;
    }

    /**
     * {@code [label](target)}: the label may itself hold emphasis; the target may hold balanced
     * parentheses, as addresses such as {@code …/wiki/Mercury_(planet)} do.
     */
    private int linkEnd(int i) {
        int close = src.indexOf("](", i);
        if (close < 0) {
            return -1;
        }
        int end = closingParenthesis(src, close + 2);
        if (end < 0) {
            return -1;
        }
        String target = src.substring(close + 2, end).trim();
        if (target.isEmpty() || target.contains(" ")) {
            return -1;
        }
        flush(null);
        RichText label = parse(src.substring(i + 1, close));
        String href = EMAIL.matcher(target).matches() ? "mailto:" + target : target;
        for (Span s : label.spans()) {
            spans.add(new Span(s.text(), s.bold() || bold, s.italic() || italic, href));
        }
        return end + 1;
    }

    private boolean atWordStart(int i) {
        return i == 0 || !Character.isLetterOrDigit(src.charAt(i - 1));
    }

    /** The index of the ')' that closes the '(' just before {@code from}, or -1; nested pairs are skipped. */
    private static int closingParenthesis(String text, int from) {
        int depth = 0;
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return j;
                }
                depth--;
            }
        }
        return -1;
    }

    private int autolink(int i) {
        Matcher url = URL.matcher(src).region(i, src.length());
        if (url.lookingAt()) {
            String found = trimPunctuation(balanced(url.group()));
            return emitLink(found, found, i);
        }
        Matcher email = EMAIL.matcher(src).region(i, src.length());
        if (email.lookingAt()) {
            String found = trimPunctuation(email.group());
            return emitLink(found, "mailto:" + found, i);
        }
        return -1;
    }

    private int emitLink(String text, String href, int i) {
        flush(null);
        pending.append(text);
        flush(href);
        return i + text.length();
    }

    /**
     * A web address up to where its parentheses stop being balanced: {@code …/Mercury_(planet)}
     * keeps its ')' but the ')' after an address written in parentheses is punctuation.
     */
    private static String balanced(String url) {
        int depth = 0;
        for (int j = 0; j < url.length(); j++) {
            char c = url.charAt(j);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return url.substring(0, j);
                }
                depth--;
            }
        }
        return url;
    }

    /** Trailing punctuation is the sentence's, not the address's; a ')' closing a '(' of the address stays. */
    private static String trimPunctuation(String s) {
        int end = s.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(s.charAt(end - 1)) >= 0) {
            if (s.charAt(end - 1) == ')' && opens(s, end - 1)) {
                break;
            }
            end--;
        }
        return s.substring(0, end);
    }

    /** Whether the ')' at {@code close} closes a '(' before it. */
    private static boolean opens(String s, int close) {
        int depth = 0;
        for (int j = 0; j < close; j++) {
            char c = s.charAt(j);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return depth > 0;
    }

    private void flush(String href) {
        if (pending.isEmpty()) {
            return;
        }
        spans.add(new Span(pending.toString(), bold, italic, href));
        pending.setLength(0);
    }
}
