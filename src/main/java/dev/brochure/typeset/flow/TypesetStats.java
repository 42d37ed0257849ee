package dev.brochure.typeset.flow;

import dev.brochure.diag.Diagnostics;
import dev.brochure.diag.SourceLocation;
import dev.brochure.typeset.text.LineBreaker;
import dev.brochure.typeset.text.LineSetter;

/**
 * Counts what typesetting had to compromise on. An overfull line (text wider than its measure)
 * is reported as a warning naming the content it came from.
 */
public final class TypesetStats {

    private final Diagnostics diagnostics;
    private int lines;
    private int overfull;

    public TypesetStats(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void line(LineBreaker.Line line, LineSetter.SetLine set, double width, boolean justify, SourceLocation where) {
        lines++;
        if (set.width() > width + 0.5) {
            overfull++;
            diagnostics.warning(where, String.format(java.util.Locale.ROOT,
                    "a line is %.1fpt wider than its %.1fpt measure", set.width() - width, width),
                    "a long word or address does not fit; shorten it or widen its box");
        }
    }

    public int lines() {
        return lines;
    }

    public int overfull() {
        return overfull;
    }
}
