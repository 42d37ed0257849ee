package dev.brochure.typeset.text;

import java.util.List;
import java.util.Map;

/**
 * Optical margin alignment: how far a character at the start or end of a line hangs into the
 * margin, in thousandths of its advance, so that the edge of the text looks straight (a column of
 * hyphens, full stops or quotation marks at the edge looks indented otherwise). The amounts are
 * microtype's {@code default} protrusion list (microtype.cfg), which pdfTeX applies to any text
 * font without a list of its own: a full stop 700, a comma or colon 500, a hyphen 500, dashes
 * 150–200, quotation marks 300–400, letters with open sides (A, T, V, W, Y, …) 50.
 */
final class Protrusion {

    private static final Map<Character, Integer> LEFT = Map.ofEntries(
            Map.entry('A', 50), Map.entry('J', 50), Map.entry('T', 50), Map.entry('V', 50), Map.entry('W', 50),
            Map.entry('X', 50), Map.entry('Y', 50), Map.entry('v', 50), Map.entry('w', 50), Map.entry('x', 50),
            Map.entry('1', 50), Map.entry('4', 50), Map.entry('7', 50), Map.entry('@', 50), Map.entry('~', 200),
            Map.entry('%', 50), Map.entry('*', 200), Map.entry('+', 250), Map.entry('(', 100), Map.entry('/', 100),
            Map.entry('-', 500), Map.entry('\u2010', 500), Map.entry('\u2013', 200), Map.entry('\u2014', 150),
            Map.entry('\u2018', 300), Map.entry('\u2019', 300), Map.entry('\u201C', 300), Map.entry('\u201D', 300),
            Map.entry('\u201A', 400), Map.entry('\u201E', 400), Map.entry('\u00AB', 200), Map.entry('\u00BB', 200),
            Map.entry('\u2039', 400), Map.entry('\u203A', 300));
    private static final Map<Character, Integer> RIGHT = Map.ofEntries(
            Map.entry('A', 50), Map.entry('F', 50), Map.entry('K', 50), Map.entry('L', 50), Map.entry('T', 50),
            Map.entry('V', 50), Map.entry('W', 50), Map.entry('X', 50), Map.entry('Y', 50), Map.entry('k', 50),
            Map.entry('r', 50), Map.entry('v', 50), Map.entry('w', 50), Map.entry('x', 50), Map.entry('y', 50),
            Map.entry('1', 50), Map.entry('4', 50), Map.entry('7', 50), Map.entry('.', 700), Map.entry(',', 500),
            Map.entry(':', 500), Map.entry(';', 300), Map.entry('!', 100), Map.entry('?', 100), Map.entry('@', 50),
            Map.entry('~', 250), Map.entry('%', 50), Map.entry('*', 200), Map.entry('+', 250), Map.entry(')', 200),
            Map.entry('/', 200), Map.entry('-', 500), Map.entry('\u2010', 500), Map.entry('\u2013', 200),
            Map.entry('\u2014', 150), Map.entry('\u2018', 400), Map.entry('\u2019', 400), Map.entry('\u201C', 300),
            Map.entry('\u201D', 300), Map.entry('\u201A', 400), Map.entry('\u201E', 400), Map.entry('\u00AB', 200),
            Map.entry('\u00BB', 200), Map.entry('\u2039', 300), Map.entry('\u203A', 400));

    private Protrusion() {
    }

    /**
     * How far (points) the first glyph of {@code fragments} hangs into the left margin. Only left-to-right
     * text protrudes (the lists are for Latin punctuation, and a right-to-left line starts at the right).
     */
    static double left(List<Fragment> fragments) {
        for (Fragment f : fragments) {
            if (f.base() != 0 || f.rightToLeft()) {
                return 0;
            }
            if (f.shaped().length() > 0) {
                double share = LEFT.getOrDefault(f.shaped().text().charAt(0), 0) / 1000.0;
                return share * f.shaped().advances()[0] * f.size() / 1000;
            }
        }
        return 0;
    }

    /** How far (points) the last glyph of {@code fragments} hangs into the right margin. */
    static double right(List<Fragment> fragments) {
        for (int i = fragments.size() - 1; i >= 0; i--) {
            Fragment f = fragments.get(i);
            if (f.base() != 0 || f.rightToLeft()) {
                return 0;
            }
            int n = f.shaped().length();
            if (n > 0) {
                String text = f.shaped().text();
                double share = RIGHT.getOrDefault(text.charAt(text.length() - 1), 0) / 1000.0;
                return share * f.shaped().advances()[n - 1] * f.size() / 1000;
            }
        }
        return 0;
    }
}
