package dev.brochure.typeset.text;

import java.util.List;
import java.util.Map;

/**
 * Optical margin alignment: how far a character at the start or end of a line hangs into the
 * margin, as a share of its advance, so that the edge of the text looks straight (a column of
 * hyphens, full stops or quotation marks at the edge looks indented otherwise). The amounts are
 * those of microtype's default set for Latin text (its {@code default} protrusion list: a full
 * stop 700/1000 of its width, a comma 500, a hyphen 700, quotation marks 500–700, dashes 200,
 * a few letters with open sides 50).
 */
final class Protrusion {

    private static final Map<Character, Double> LEFT = Map.ofEntries(
            Map.entry('\u2018', 0.7), Map.entry('\u201C', 0.5), Map.entry('"', 0.5), Map.entry('\'', 0.5),
            Map.entry('(', 0.1), Map.entry('[', 0.1), Map.entry('\u2013', 0.2), Map.entry('\u2014', 0.15),
            Map.entry('A', 0.05), Map.entry('T', 0.05), Map.entry('V', 0.05), Map.entry('W', 0.05),
            Map.entry('Y', 0.05), Map.entry('v', 0.05), Map.entry('w', 0.05), Map.entry('y', 0.05));
    private static final Map<Character, Double> RIGHT = Map.ofEntries(
            Map.entry('.', 0.7), Map.entry(',', 0.5), Map.entry(':', 0.5), Map.entry(';', 0.3), Map.entry('!', 0.1),
            Map.entry('?', 0.2), Map.entry('-', 0.7), Map.entry('\u2010', 0.7), Map.entry('\u2013', 0.2),
            Map.entry('\u2014', 0.15), Map.entry('\u2019', 0.7), Map.entry('\u201D', 0.5), Map.entry('"', 0.5),
            Map.entry('\'', 0.5), Map.entry(')', 0.2), Map.entry(']', 0.2), Map.entry('\u2026', 0.1),
            Map.entry('A', 0.05), Map.entry('T', 0.05), Map.entry('V', 0.05), Map.entry('W', 0.05),
            Map.entry('Y', 0.05), Map.entry('v', 0.05), Map.entry('w', 0.05), Map.entry('y', 0.05));

    private Protrusion() {
    }

    /** How far (points) the first glyph of {@code fragments} hangs into the left margin. */
    static double left(List<Fragment> fragments) {
        for (Fragment f : fragments) {
            if (f.shaped().length() > 0) {
                double share = LEFT.getOrDefault(f.shaped().text().charAt(0), 0.0);
                return share * f.shaped().advances()[0] * f.size() / 1000;
            }
        }
        return 0;
    }

    /** How far (points) the last glyph of {@code fragments} hangs into the right margin. */
    static double right(List<Fragment> fragments) {
        for (int i = fragments.size() - 1; i >= 0; i--) {
            Fragment f = fragments.get(i);
            int n = f.shaped().length();
            if (n > 0) {
                String text = f.shaped().text();
                double share = RIGHT.getOrDefault(text.charAt(text.length() - 1), 0.0);
                return share * f.shaped().advances()[n - 1] * f.size() / 1000;
            }
        }
        return 0;
    }
}
