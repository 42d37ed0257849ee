package dev.brochure.typeset.text;

import java.util.List;

/**
 * Chooses where a paragraph's lines end. Implementations: {@link KnuthPlassLineBreaker} (total
 * fit, the default) and {@link GreedyLineBreaker} (first fit, for comparison). A breaker never
 * fails: a box wider than the measure gets a line of its own (overfull).
 */
public interface LineBreaker {

    /**
     * One line: items {@code [start, end)} are on it, the line ends at item {@code end} (a glue,
     * penalty, or {@code items.size()}), and {@code ratio} is how far its glue is stretched
     * (positive) or shrunk (negative), as a fraction of what the glue allows. {@code expansion}
     * is how much its glyphs are widened (positive) or narrowed (negative), as a fraction of their
     * width (font expansion); {@code left} and {@code right} are how far, in points, the line
     * hangs into the left and right margin (optical margin alignment).
     */
    record Line(int start, int end, double ratio, double expansion, double left, double right) {
        public Line(int start, int end, double ratio) {
            this(start, end, ratio, 0, 0, 0);
        }
    }

    /** The breaker's name as the command line and the typography report know it. */
    String name();

    /** Breaks {@code items} into lines of {@code width} points. */
    List<Line> breakLines(List<Item> items, double width, boolean justify);

    /**
     * Breaks {@code items} into lines of {@code width} points with the paragraph's fine
     * typography; a breaker that has none of it ignores {@code options}.
     */
    default List<Line> breakLines(List<Item> items, double width, boolean justify, LineOptions options) {
        return breakLines(items, width, justify);
    }
}
