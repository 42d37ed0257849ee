package dev.brochure.typeset.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Total-fit line breaking after Knuth and Plass ("Breaking Paragraphs into Lines", 1981): of all
 * ways to break a paragraph, the one with the fewest total demerits, where each line costs
 * {@code (linePenalty + badness)² + penalty²}, badness being {@code 100·|r|³} for adjustment
 * ratio r. Consecutive hyphenated lines, a hyphen on the last full line, and neighbouring lines of
 * very different tightness (fitness classes) cost extra, and more than
 * {@link Parameters#maxConsecutiveHyphens()} hyphenated lines in a row are not allowed at all.
 *
 * <p>Justified text, as in TeX, takes up to three passes: without automatic hyphenation at
 * {@code pretolerance}, then with it at {@code tolerance}, then a last pass that accepts any
 * looseness, with badness no longer capped so that a looser line always costs more, and that
 * sets a word wider than the measure on an overfull line of its own rather than fail.
 *
 * <p>Ragged (unjustified) text is broken with the same algorithm in one such last pass: every
 * line is given a virtual stretch of {@link Parameters#raggedStretch()} ems at its end for
 * measuring how far it falls short, but is set at its natural width. This avoids deep notches in
 * the rag and stacked hyphens, instead of filling each line greedily.
 */
public final class KnuthPlassLineBreaker implements LineBreaker {

    /**
     * The cost model. Defaults follow plain TeX: tolerances in badness units (100 is a glue
     * stretched to its full stretchability), demerits as in TeX's {@code \adjdemerits},
     * {@code \doublehyphendemerits} and {@code \finalhyphendemerits}. A negative
     * {@code pretolerance} skips the first pass.
     */
    public record Parameters(double pretolerance, double tolerance, double linePenalty, double fitnessDemerits,
            double doubleHyphenDemerits, double finalHyphenDemerits, int maxConsecutiveHyphens,
            double raggedStretch) {

        public static Parameters defaults() {
            return new Parameters(100, 200, 10, 10_000, 10_000, 50_000, 2, 2.0);
        }
    }

    private static final double AWFUL = 1e30;

    private final Parameters parameters;

    public KnuthPlassLineBreaker() {
        this(Parameters.defaults());
    }

    public KnuthPlassLineBreaker(Parameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return "knuth-plass";
    }

    @Override
    public List<Line> breakLines(List<Item> items, double width, boolean justify) {
        if (items.isEmpty()) {
            return List.of();
        }
        if (!GreedyLineBreaker.isForced(items.getLast())) {
            // Every paragraph ends with a forced break; supply one if the caller did not.
            List<Item> ended = new ArrayList<>(items);
            ended.add(new Item.Glue(0, Item.INFINITY, 0, null));
            ended.add(Item.Penalty.forced());
            return breakLines(ended, width, justify).stream()
                    .map(l -> new Line(l.start(), Math.min(l.end(), items.size()), l.ratio())).toList();
        }
        Paragraph paragraph = new Paragraph(items, width, justify);
        if (justify && parameters.pretolerance() >= 0) {
            List<Line> lines = paragraph.run(parameters.pretolerance(), false);
            if (lines != null) {
                return lines;
            }
        }
        if (justify) {
            List<Line> lines = paragraph.run(parameters.tolerance(), true);
            if (lines != null) {
                return lines;
            }
        }
        // Ragged text, or justified text that cannot be set within tolerance: every line is
        // acceptable, the demerits alone decide (see demerits()). This pass always finds a way;
        // first fit stands by in case it ever did not, so that a paragraph is never lost.
        List<Line> lines = paragraph.run(Double.POSITIVE_INFINITY, true);
        return lines != null ? lines : new GreedyLineBreaker().breakLines(items, width, justify);
    }

    /**
     * A feasible breakpoint reached through its best predecessor. {@code position} is the index
     * of the item the previous line ended at (-1 for the paragraph's start); {@code start} is
     * where the next line's material begins; {@code hyphens} counts consecutive hyphenated lines
     * ending here.
     */
    private record Node(int position, int start, int fitness, int hyphens, double demerits, double ratio,
            boolean flagged, Node previous) {
    }

    /** One paragraph's items with running sums, so any line's width is two subtractions. */
    private final class Paragraph {
        final List<Item> items;
        final double width;
        final boolean justify;
        final double[] widths;
        final double[] stretches;
        final double[] shrinks;
        final double ragged;

        Paragraph(List<Item> items, double width, boolean justify) {
            this.items = items;
            this.width = width;
            this.justify = justify;
            int n = items.size();
            widths = new double[n + 1];
            stretches = new double[n + 1];
            shrinks = new double[n + 1];
            double em = 0;
            for (int i = 0; i < n; i++) {
                Item item = items.get(i);
                double w = item instanceof Item.Penalty ? 0 : item.width();
                widths[i + 1] = widths[i] + w;
                stretches[i + 1] = stretches[i] + (item instanceof Item.Glue g ? g.stretch() : 0);
                shrinks[i + 1] = shrinks[i] + (item instanceof Item.Glue g ? g.shrink() : 0);
                if (item instanceof Item.Box box) {
                    for (Fragment f : box.fragments()) {
                        em = Math.max(em, f.size());
                    }
                }
            }
            ragged = parameters.raggedStretch() * (em > 0 ? em : width / 20);
        }

        /**
         * The optimal lines at this tolerance, or null if no way of breaking stays within it. With
         * an infinite tolerance (the last resort) badness is not capped, so a looser line always
         * costs more, and a word too wide for the measure gets an overfull line rather than
         * failing the pass.
         */
        List<Line> run(double tolerance, boolean hyphenate) {
            boolean last = tolerance == Double.POSITIVE_INFINITY;
            List<Node> active = new ArrayList<>();
            active.add(new Node(-1, GreedyLineBreaker.skipDiscardable(items, 0), 1, 0, 0, 0, false, null));
            for (int b = 0; b < items.size(); b++) {
                if (!isBreak(b, hyphenate)) {
                    continue;
                }
                Item.Penalty penalty = items.get(b) instanceof Item.Penalty p ? p : null;
                boolean forced = penalty != null && penalty.penalty() <= -Item.INFINITY;
                boolean flagged = penalty != null && penalty.flagged();
                Map<Long, Node> candidates = new HashMap<>();
                Node lastDeactivated = null;
                for (int k = 0; k < active.size(); k++) {
                    Node a = active.get(k);
                    double ratio = ratio(a.start(), b);
                    if (ratio < -1 || forced) {
                        active.remove(k--);
                        lastDeactivated = a;
                    }
                    if (ratio < -1 || badness(ratio) > tolerance && !forced) {
                        continue;
                    }
                    int hyphens = flagged ? a.hyphens() + 1 : 0;
                    if (hyphens > parameters.maxConsecutiveHyphens()) {
                        continue;
                    }
                    int fitness = fitness(ratio);
                    double demerits = a.demerits() + demerits(a, ratio, penalty, flagged, fitness, last);
                    long key = fitness * 64L + Math.min(hyphens, 63);
                    Node best = candidates.get(key);
                    if (best == null || demerits < best.demerits()) {
                        candidates.put(key, new Node(b, nextStart(b), fitness, hyphens, demerits, ratio, flagged, a));
                    }
                }
                if (candidates.isEmpty() && active.isEmpty() && last && lastDeactivated != null) {
                    // Nothing fits: set the shortest overfull line rather than give up (TeX's artificial demerits).
                    Node a = lastDeactivated;
                    candidates.put(0L, new Node(b, nextStart(b), 0, flagged ? a.hyphens() + 1 : 0, a.demerits() + AWFUL,
                            ratio(a.start(), b), flagged, a));
                }
                candidates.keySet().stream().sorted().forEach(key -> active.add(candidates.get(key)));
            }
            Node best = null;
            for (Node a : active) {
                if (a.position() == items.size() - 1 || a.start() >= items.size()) {
                    if (best == null || a.demerits() < best.demerits()) {
                        best = a;
                    }
                }
            }
            return best == null ? null : lines(best);
        }

        private boolean isBreak(int i, boolean hyphenate) {
            Item item = items.get(i);
            if (item instanceof Item.Penalty p) {
                return p.penalty() < Item.INFINITY && (hyphenate || p.hyphen() == null);
            }
            // Glue right before a forced break (the paragraph's fill) would only end an empty line.
            return item instanceof Item.Glue && i > 0 && items.get(i - 1) instanceof Item.Box
                    && !(i + 1 < items.size() && GreedyLineBreaker.isForced(items.get(i + 1)));
        }

        /** Where the line after a break at {@code b} begins: glue and penalties after a break vanish. */
        private int nextStart(int b) {
            return GreedyLineBreaker.skipDiscardable(items, b + 1);
        }

        /** The adjustment ratio of the line from {@code start} to the break at {@code end}. */
        private double ratio(int start, int end) {
            double natural = widths[end] - widths[start];
            if (items.get(end) instanceof Item.Penalty p) {
                natural += p.width();
            }
            double stretch = stretches[end] - stretches[start] + (justify ? 0 : ragged);
            double shrink = shrinks[end] - shrinks[start];
            if (natural < width) {
                return stretch > 0 ? (width - natural) / stretch : Item.INFINITY;
            }
            if (natural > width) {
                return shrink > 0 ? (width - natural) / shrink : -Item.INFINITY;
            }
            return 0;
        }

        private double demerits(Node from, double ratio, Item.Penalty penalty, boolean flagged, int fitness,
                boolean uncapped) {
            // When every line is acceptable, badness is not capped: a line twice as loose as another
            // must cost more, or the optimum could not tell them apart.
            double badness = uncapped ? 100 * Math.pow(Math.abs(ratio), 3) : badness(ratio);
            double d = Math.pow(parameters.linePenalty() + badness, 2);
            if (penalty != null && penalty.penalty() > -Item.INFINITY) {
                double p = penalty.penalty();
                d += p >= 0 ? p * p : -p * p;
            }
            if (flagged && from.flagged()) {
                d += parameters.doubleHyphenDemerits();
            }
            if (penalty != null && penalty.penalty() <= -Item.INFINITY && from.flagged()) {
                d += parameters.finalHyphenDemerits();
            }
            if (Math.abs(fitness - from.fitness()) > 1) {
                d += parameters.fitnessDemerits();
            }
            return d;
        }

        /** The lines of the chain of breaks ending at {@code last}, first line first. */
        private List<Line> lines(Node last) {
            List<Line> out = new ArrayList<>();
            for (Node n = last; n.previous() != null; n = n.previous()) {
                int start = n.previous().start();
                boolean paragraphEnd = items.get(n.position()) instanceof Item.Penalty p && p.penalty() <= -Item.INFINITY;
                double actual = actualRatio(start, n.position());
                out.add(new Line(start, n.position(), justify && !paragraphEnd ? actual : Math.min(0, actual)));
            }
            return out.reversed();
        }

        /** The ratio the line is set with: ragged lines have no virtual stretch then. */
        private double actualRatio(int start, int end) {
            if (justify) {
                return ratio(start, end);
            }
            double natural = widths[end] - widths[start] + (items.get(end) instanceof Item.Penalty p ? p.width() : 0);
            double shrink = shrinks[end] - shrinks[start];
            if (natural <= width) {
                return 0;
            }
            return shrink > 0 ? (width - natural) / shrink : -Item.INFINITY;
        }
    }

    /** How bad a line of this adjustment ratio looks: 100 at full stretch, capped at 10000 as in TeX. */
    static double badness(double ratio) {
        return Math.min(Item.INFINITY, 100 * Math.pow(Math.abs(ratio), 3));
    }

    /** TeX's fitness classes: 0 tight, 1 decent, 2 loose, 3 very loose. */
    static int fitness(double ratio) {
        if (ratio < -0.5) {
            return 0;
        }
        if (ratio <= 0.5) {
            return 1;
        }
        return ratio <= 1 ? 2 : 3;
    }
}
