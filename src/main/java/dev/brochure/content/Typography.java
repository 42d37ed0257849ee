package dev.brochure.content;

import dev.brochure.content.model.RichText;
import dev.brochure.content.model.RichText.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typographic normalisation of content text, so authors can type plain ASCII and get what a
 * typesetter would set:
 * <ul>
 *   <li>{@code "straight"} and {@code 'straight'} quotes become “curly” and ‘curly’ ones, an
 *       apostrophe becomes ’ (it's, students', ’90s);</li>
 *   <li>{@code ---} becomes an em dash —, {@code --} an en dash –, a hyphen between spaces an en
 *       dash, a hyphen between two numbers an en dash (2021–2024);</li>
 *   <li>{@code ...} becomes an ellipsis …;</li>
 *   <li>a no-break space goes where a line must not break: after a title or abbreviation such
 *       as {@code Dr.} or {@code Prof.}, between a number and its unit (300 TB, 85 %), and
 *       before a dash between spaces, so no line starts with a dash.</li>
 * </ul>
 * Link text (web and e-mail addresses) is left exactly as written, and so is any character the
 * author escaped with a backslash ({@link InlineMarkup} hands those over as {@link #literal}
 * placeholders).
 */
public final class Typography {

    public static final char NO_BREAK_SPACE = '\u00A0';

    /** The characters an author may escape to keep them straight, and their placeholders. */
    private static final String ESCAPABLE = "\"'-.";
    private static final char PLACEHOLDER_BASE = '\uE000';

    private static final Pattern NUMBER_RANGE = Pattern.compile("(?<![\\d.,-])\\d{1,4}(-)\\d{1,4}(?![\\d-])");
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?<![\\p{L}.])(?:Dr|Prof|Mr|Mrs|Ms|Mx|St|Mt|Fig|Figs|Vol|No|Nos|pp|cf)\\.( )(?=[\\p{L}\\d])");
    private static final Pattern NUMBER_UNIT = Pattern.compile(
            "\\d( )(?:%|‰|°C|°F|TB|GB|MB|kB|PB|GHz|MHz|kHz|Hz|mm|cm|km|kg|mg|ms|pt|px|kW|MW|GW)(?![\\p{L}\\d])");
    private static final String OPENING_CONTEXT = "([{‘“–—/\u00A0";

    private Typography() {
    }

    /** The placeholder {@link InlineMarkup} uses for an escaped character, or the character itself. */
    static char literal(char c) {
        int k = ESCAPABLE.indexOf(c);
        return k < 0 ? c : (char) (PLACEHOLDER_BASE + k);
    }

    /** Normalises every span but links, looking across span boundaries for context. */
    public static RichText apply(RichText text) {
        List<Span> spans = new ArrayList<>();
        for (Span s : text.spans()) {
            spans.add(s.href() != null ? s : new Span(sequences(s.text()), s.bold(), s.italic(), s.href()));
        }
        StringBuilder all = new StringBuilder();
        List<Boolean> fixed = new ArrayList<>();
        for (Span s : spans) {
            all.append(s.text());
            for (int i = 0; i < s.text().length(); i++) {
                fixed.add(s.href() != null);
            }
        }
        char[] c = characters(all.toString(), fixed);
        List<Span> out = new ArrayList<>();
        int at = 0;
        for (Span s : spans) {
            int end = at + s.text().length();
            String t = s.href() != null ? s.text() : restore(new String(c, at, end - at));
            out.add(new Span(t, s.bold(), s.italic(), s.href()));
            at = end;
        }
        return new RichText(out);
    }

    /** The rules that change the length of the text: dashes from hyphens, the ellipsis. */
    private static String sequences(String s) {
        return s.replace("...", "…").replace("---", "—").replace("--", "–");
    }

    /** The rules that replace one character by another, applied to the whole text. */
    private static char[] characters(String s, List<Boolean> fixed) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (fixed.get(i)) {
                continue;
            }
            char prev = i > 0 ? c[i - 1] : ' ';
            char next = i + 1 < c.length ? c[i + 1] : ' ';
            boolean opening = Character.isWhitespace(prev) || OPENING_CONTEXT.indexOf(prev) >= 0;
            if (c[i] == '"') {
                c[i] = opening ? '“' : '”';
            } else if (c[i] == '\'') {
                c[i] = opening && !Character.isDigit(next) ? '‘' : '’';
            } else if (c[i] == '-' && prev == ' ' && next == ' ') {
                c[i] = '–';
            }
        }
        String text = new String(c);
        set(c, fixed, NUMBER_RANGE.matcher(text), '–');
        set(c, fixed, ABBREVIATION.matcher(text), NO_BREAK_SPACE);
        set(c, fixed, NUMBER_UNIT.matcher(text), NO_BREAK_SPACE);
        for (int i = 1; i + 1 < c.length; i++) {
            if ((c[i] == '–' || c[i] == '—') && c[i - 1] == ' ' && c[i + 1] == ' ' && !fixed.get(i - 1)) {
                c[i - 1] = NO_BREAK_SPACE;
            }
        }
        return c;
    }

    /** Replaces the first group of every match by {@code to}, unless it lies in link text. */
    private static void set(char[] c, List<Boolean> fixed, Matcher m, char to) {
        while (m.find()) {
            if (!fixed.get(m.start(1))) {
                c[m.start(1)] = to;
            }
        }
    }

    /** Escaped characters back from their placeholders. */
    private static String restore(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            int k = ch - PLACEHOLDER_BASE;
            out.append(k >= 0 && k < ESCAPABLE.length() ? ESCAPABLE.charAt(k) : ch);
        }
        return out.toString();
    }
}
