package dev.brochure.typeset.text;

import java.util.List;

/**
 * The items a paragraph is broken from, after Knuth and Plass: boxes (words, unbreakable),
 * glue (spaces that may stretch or shrink, and where a line may end) and penalties (places a
 * line may end at a cost, such as after a hyphen; {@code flagged} ones print a hyphen there).
 */
public sealed interface Item {

    double INFINITY = 10_000;

    double width();

    /** A word or part of one. */
    record Box(double width, List<Fragment> fragments) implements Item {
        public Box {
            fragments = List.copyOf(fragments);
        }
    }

    /** An inter-word space; {@code space} is the space glyph drawn there (null draws nothing). */
    record Glue(double width, double stretch, double shrink, Fragment space) implements Item {
    }

    /**
     * A possible line end costing {@code penalty} ({@code >= INFINITY} forbids it, {@code <=
     * -INFINITY} forces it). When the line ends here, {@code hyphen} (if any) is drawn.
     */
    record Penalty(double width, double penalty, boolean flagged, Fragment hyphen) implements Item {
        public static Penalty forced() {
            return new Penalty(0, -INFINITY, false, null);
        }
    }
}
