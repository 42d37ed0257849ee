package dev.brochure.typeset.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Unicode algorithms say about a paragraph's text, through ICU4J: the bidirectional
 * embedding level of each character (UAX #9; the paragraph's direction from its first strong
 * character) and where a line may end between two characters that are not spaces (UAX #14, with
 * its rules against a line starting with a closing bracket, 。 、 or a small kana, or ending with
 * an opening one). {@link ParagraphBuilder} keeps its own rules for spaces, hyphens, dashes and
 * addresses, and takes these breaks only next to East Asian characters (Chinese, Japanese,
 * Korean), which are written without spaces. Each is computed only when the text needs it, so
 * a paragraph of Latin text is analysed in one pass over its characters.
 */
final class TextAnalysis {

    /** The scripts brochure sets, besides characters common to all scripts (digits, punctuation, marks). */
    static final Set<Integer> SUPPORTED_SCRIPTS = Set.of(UScript.LATIN, UScript.GREEK, UScript.CYRILLIC,
            UScript.ARMENIAN, UScript.GEORGIAN, UScript.HEBREW, UScript.ARABIC, UScript.HAN, UScript.HIRAGANA,
            UScript.KATAKANA, UScript.HANGUL, UScript.BOPOMOFO);

    private final byte[] levels;
    private final int base;
    private final BitSet breaks;

    private TextAnalysis(byte[] levels, int base, BitSet breaks) {
        this.levels = levels;
        this.base = base;
        this.breaks = breaks;
    }

    /** Analyses {@code text}; a forced line break in it is {@code '\n'}. */
    static TextAnalysis of(String text) {
        boolean eastAsian = false;
        boolean rightToLeft = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            eastAsian |= eastAsian(cp);
            rightToLeft |= strongRightToLeft(cp);
            i += Character.charCount(cp);
        }
        byte[] levels = null;
        int base = 0;
        if (rightToLeft) {
            // One bidi paragraph for the whole block: a forced line break is a line separator, not a new paragraph.
            char[] chars = text.replace('\n', '\u2028').toCharArray();
            Bidi bidi = new Bidi(chars, 0, null, 0, chars.length, Bidi.LEVEL_DEFAULT_LTR);
            levels = bidi.getLevels();
            base = bidi.getParaLevel() & 1;
        }
        BitSet breaks = new BitSet();
        if (eastAsian) {
            BreakIterator lines = BreakIterator.getLineInstance(ULocale.ROOT);
            lines.setText(text);
            for (int at = lines.first(); at != BreakIterator.DONE; at = lines.next()) {
                if (at > 0 && at < text.length()) {
                    int before = text.codePointBefore(at);
                    int after = text.codePointAt(at);
                    if (!Character.isWhitespace(before) && !Character.isWhitespace(after)
                            && before != '\u00A0' && after != '\u00A0' && before != '\u202F' && after != '\u202F'
                            && (eastAsian(before) || eastAsian(after))) {
                        breaks.set(at);
                    }
                }
            }
        }
        return new TextAnalysis(levels, base, breaks);
    }

    /** The embedding level of character {@code i}: even left to right, odd right to left. */
    int level(int i) {
        return levels == null || i >= levels.length ? base : levels[i];
    }

    /** The paragraph's direction: 0 left to right, 1 right to left. */
    int base() {
        return base;
    }

    /** Whether a line may end before character {@code i}, which is not next to a space (East Asian text). */
    boolean breakBefore(int i) {
        return breaks.get(i);
    }

    /** Written without spaces between words: ideographs, kana, hangul, and the full-width forms around them. */
    static boolean eastAsian(int cp) {
        if (cp < 0x1100) {
            return false; // before Hangul Jamo, the first wide characters
        }
        int width = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
        if (width == UCharacter.EastAsianWidth.WIDE || width == UCharacter.EastAsianWidth.FULLWIDTH) {
            return true;
        }
        int lb = UCharacter.getIntPropertyValue(cp, UProperty.LINE_BREAK);
        return lb == UCharacter.LineBreak.IDEOGRAPHIC || lb == UCharacter.LineBreak.CONDITIONAL_JAPANESE_STARTER
                || lb == UCharacter.LineBreak.H2 || lb == UCharacter.LineBreak.H3 || lb == UCharacter.LineBreak.JL
                || lb == UCharacter.LineBreak.JV || lb == UCharacter.LineBreak.JT;
    }

    private static boolean strongRightToLeft(int cp) {
        if (cp < 0x0590) {
            return false; // Hebrew starts the right-to-left blocks; the embedding marks lie above it too
        }
        int d = UCharacter.getDirection(cp);
        return d == UCharacter.RIGHT_TO_LEFT || d == UCharacter.RIGHT_TO_LEFT_ARABIC
                || d == UCharacter.RIGHT_TO_LEFT_EMBEDDING || d == UCharacter.RIGHT_TO_LEFT_OVERRIDE
                || d == UCharacter.RIGHT_TO_LEFT_ISOLATE;
    }

    /** Each script of {@code text} that brochure cannot set, with its first character. */
    static Map<String, Integer> unsupportedScripts(String text) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x0370) {
                continue; // Latin, and the characters common to all scripts
            }
            int script = UScript.getScript(cp);
            if (script != UScript.COMMON && script != UScript.INHERITED && script != UScript.UNKNOWN
                    && !SUPPORTED_SCRIPTS.contains(script)) {
                found.putIfAbsent(UScript.getName(script).replace('_', ' '), cp);
            }
        }
        return found;
    }

    /** Whether {@code text} has letters of the Arabic script, which join and so need the font's shaping rules. */
    static boolean joiningScript(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x0600 && UScript.getScript(cp) == UScript.ARABIC && Character.isLetter(cp)) {
                return true;
            }
        }
        return false;
    }

    /** The names of the supported scripts, for messages. */
    static List<String> supportedNames() {
        List<String> names = new ArrayList<>();
        for (int script : List.of(UScript.LATIN, UScript.GREEK, UScript.CYRILLIC, UScript.ARMENIAN, UScript.GEORGIAN,
                UScript.HEBREW, UScript.ARABIC, UScript.HAN, UScript.HIRAGANA, UScript.KATAKANA, UScript.HANGUL)) {
            names.add(UScript.getName(script));
        }
        return names;
    }
}
