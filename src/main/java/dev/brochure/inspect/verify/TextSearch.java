package dev.brochure.inspect.verify;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Finds content text in text extracted from a PDF, forgiving what typesetting legitimately
 * changes and nothing else:
 * <ul>
 * <li>whitespace of any kind, anywhere: extraction guesses word spaces from glyph gaps, and
 *     letter-spaced text comes out as {@code M S U}; so all whitespace is dropped on both sides;
 * <li>line-end hyphenation: a word broken as {@code opti-} / {@code mization}; hyphens and dashes
 *     of every kind are dropped on both sides (so a hyphen the content has is not checked);
 * <li>typographic quotes ({@code ’ “ ”}) for straight ones, ligatures ({@code ﬁ}) and other
 *     compatibility forms (NFKC), and upper case set by a style: comparison ignores case;
 * <li>interruptions: a paragraph that runs over a page break is extracted with the running
 *     footer in the middle. A unit is found if it is the concatenation of at most
 *     {@value #MAX_PIECES} pieces of the PDF text, in order, each piece but the last at least
 *     {@value #MIN_PIECE} characters long and starting within {@value #MAX_GAP} characters of
 *     the end of the piece before.
 * </ul>
 */
final class TextSearch {

    static final int MAX_PIECES = 6;
    static final int MIN_PIECE = 16;
    static final int MAX_GAP = 1000;

    /** Text in comparable form, with the index in the (NFKC) source of each of its characters. */
    record Normalized(String source, String text, int[] origin) {
    }

    /** Whether a unit was found; if not, up to which word of its (NFKC) source it was. */
    record Match(boolean found, int foundUpTo) {
    }

    private final String document;

    TextSearch(String extracted) {
        this.document = normalize(extracted).text();
    }

    Match find(Normalized unit) {
        String u = unit.text();
        if (u.isEmpty() || document.contains(u)) {
            return new Match(true, unit.source().length());
        }
        int done = 0;
        int from = -1;
        for (int piece = 0; piece < MAX_PIECES && done < u.length(); piece++) {
            int[] best = longestPrefix(u, done, from);
            int length = best[0];
            boolean last = done + length == u.length();
            if (length == 0 || (!last && length < MIN_PIECE)) {
                break;
            }
            done += length;
            from = best[1] + length;
        }
        if (done == u.length()) {
            return new Match(true, unit.source().length());
        }
        return new Match(false, done == 0 ? 0 : wordStart(unit.source(), unit.origin()[done - 1] + 1));
    }

    /**
     * Matching may run into the first letters of the missing part; people read from a word's start.
     * In Chinese and Japanese, written without spaces, every character is such a start.
     */
    private static int wordStart(String source, int index) {
        int i = index;
        while (i > 0 && !Character.isWhitespace(source.charAt(i - 1)) && !unspaced(source.codePointBefore(i))
                && !(i < source.length() && unspaced(source.codePointAt(i)))) {
            i--;
        }
        return i;
    }

    /** A character of a script written without spaces between words (or its punctuation). */
    private static boolean unspaced(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION;
    }

    /**
     * The longest prefix of {@code u} from {@code start} that occurs in the document, anywhere
     * when {@code from} is negative, else starting within {@link #MAX_GAP} of {@code from}:
     * {length, position}. Occurring is monotone in the length, so a binary search finds it.
     */
    private int[] longestPrefix(String u, int start, int from) {
        int low = 0;
        int high = u.length() - start;
        int position = -1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            int at = occurrence(u.substring(start, start + mid), from);
            if (at >= 0) {
                low = mid;
                position = at;
            } else {
                high = mid - 1;
            }
        }
        if (low > 0 && position < 0) {
            position = occurrence(u.substring(start, start + low), from);
        }
        return new int[] {low, position};
    }

    private int occurrence(String piece, int from) {
        if (from < 0) {
            return document.indexOf(piece);
        }
        int at = document.indexOf(piece, from);
        return at >= 0 && at - from <= MAX_GAP ? at : -1;
    }

    /** The comparable form of a text; see the class comment for what it forgives. */
    static Normalized normalize(String text) {
        String source = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(source.length());
        int[] origin = new int[source.length() * 3 + 1];
        int n = 0;
        for (int i = 0; i < source.length(); ) {
            int cp = source.codePointAt(i);
            String mapped = map(cp);
            for (int k = 0; k < mapped.length(); k++) {
                if (n == origin.length) {
                    origin = Arrays.copyOf(origin, origin.length * 2);
                }
                origin[n++] = i;
            }
            out.append(mapped);
            i += Character.charCount(cp);
        }
        return new Normalized(source, out.toString(), Arrays.copyOf(origin, n));
    }

    private static String map(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT) {
            return ""; // spaces, and invisible ones: soft hyphen, zero-width space and joiners
        }
        return switch (cp) {
            case '-', 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63 -> "";
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4, 0x0060 -> "'";
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB -> "\"";
            default -> new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
        };
    }
}
