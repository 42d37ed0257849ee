package dev.brochure.typeset;

import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The lines of text of one size on a typeset page, as tests of line setting read them. */
final class SetLines {

    /** A set line: where it starts and ends on the page, and its words. */
    record SetLine(double left, double right, String text) {
        double width() {
            return right - left;
        }
    }

    private SetLines() {
    }

    /** The lines of {@code size}-point text on {@code page}, top to bottom. */
    static List<SetLine> of(Page page, double size) {
        Map<Double, List<PageItem.GlyphRun>> byBaseline = new TreeMap<>();
        for (PageItem item : page.items()) {
            if (item instanceof PageItem.GlyphRun run && Math.abs(run.size() - size) < 0.01) {
                byBaseline.computeIfAbsent(Math.rint(run.baseline() * 100) / 100, b -> new ArrayList<>()).add(run);
            }
        }
        List<SetLine> out = new ArrayList<>();
        for (List<PageItem.GlyphRun> runs : byBaseline.values()) {
            runs.sort(Comparator.comparingDouble(PageItem.GlyphRun::x));
            StringBuilder text = new StringBuilder();
            runs.forEach(r -> text.append(r.text()));
            out.add(new SetLine(runs.getFirst().x(), runs.getLast().x() + runs.getLast().width(), text.toString()));
        }
        return out;
    }
}
