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
 *
 * <p>With {@link LineOptions} (from the paragraph's style) it also does what pdfTeX does with
 * microtype: <em>font expansion</em> widens or narrows a justified line's glyphs by up to
 * {@link LineOptions#expansion()} before its spaces stretch or shrink (pdfTeX's rule: the fonts
 * take the shortfall first; a line they can fully absorb costs as if a tenth of their
 * stretchability were left to the glue), <em>protrusion</em> lets the first and last characters
 * hang into the margins ({@link Protrusion}), which widens the measure of those lines, and an
 * <em>emergency stretch</em> (TeX's {@code \emergencystretch}) gives every line of the last pass
 * that much more virtual stretch; unlike TeX, a line set in that pass stretches its spaces only
 * to their limit (r = 1) or the ratio the emergency stretch gives, whichever is larger, and leaves
 * the rest of the measure empty: a slightly short line instead of a very loose one.
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
    /** Expansion is chosen in steps of a thousandth of the glyphs' width (Tz 100.1, 100.2, …). */
    private static final double EXPANSION_STEP = 0.001;
    /**
     * pdfTeX's rule for a line the fonts can fully adjust: it is judged as if this share of the
     * fonts' adjustability were left to the glue (half a step of five), so it is not "perfect".
     */
    private static final double FONT_ADJUSTED_SHARE = 0.1;

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
        return breakLines(items, width, justify, new LineOptions(0, false, 0, parameters.maxConsecutiveHyphens()));
    }

    @Override
    public List<Line> breakLines(List<Item> items, double width, boolean justify, LineOptions options) {
        if (items.isEmpty()) {
            return List.of();
        }
        if (!GreedyLineBreaker.isForced(items.getLast())) {
            // Every paragraph ends with a forced break; supply one if the caller did not.
            List<Item> ended = new ArrayList<>(items);
            ended.add(new Item.Glue(0, Item.INFINITY, 0, null));
            ended.add(Item.Penalty.forced());
            return breakLines(ended, width, justify, options).stream()
                    .map(l -> new Line(l.start(), Math.min(l.end(), items.size()), l.ratio(), l.expansion(), l.left(),
                            l.right())).toList();
        }
        Paragraph paragraph = new Paragraph(items, width, justify, options);
        if (justify && parameters.pretolerance() >= 0) {
            List<Line> lines = paragraph.run(parameters.pretolerance(), false, false);
            if (lines != null) {
                return lines;
            }
        }
        if (justify) {
            List<Line> lines = paragraph.run(parameters.tolerance(), true, false);
            if (lines != null) {
                return lines;
            }
        }
        // Ragged text, or justified text that cannot be set within tolerance: every line is
        // acceptable, the demerits alone decide (see demerits()), with the emergency stretch if the
        // style has one. This pass always finds a way; first fit stands by in case it ever did not,
        // so that a paragraph is never lost.
        List<Line> lines = paragraph.run(Double.POSITIVE_INFINITY, true, justify && options.emergencyStretch() > 0);
        return lines != null ? lines : new GreedyLineBreaker().breakLines(items, width, justify);
    }

    /**
     * How a line is set: {@code cost} is the adjustment ratio its badness is judged by,
     * {@code glue} the ratio its spaces are set with, {@code expansion} its glyphs' scaling.
     */
    private record Fit(double cost, double glue, double expansion) {
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
        final LineOptions options;
        final double[] widths;
        final double[] stretches;
        final double[] shrinks;
        /** Running sums of the widths of glyphs (boxes with fragments), which font expansion scales. */
        final double[] glyphs;
        /** How far a line starting at item i hangs into the left margin; ending at item i, into the right. */
        final double[] left;
        final double[] right;
        final double ragged;

        Paragraph(List<Item> items, double width, boolean justify, LineOptions options) {
            this.items = items;
            this.width = width;
            this.justify = justify;
            this.options = options;
            int n = items.size();
            widths = new double[n + 1];
            stretches = new double[n + 1];
            shrinks = new double[n + 1];
            glyphs = new double[n + 1];
            left = new double[n + 1];
            right = new double[n + 1];
            double em = 0;
            for (int i = 0; i < n; i++) {
                Item item = items.get(i);
                double w = item instanceof Item.Penalty ? 0 : item.width();
                widths[i + 1] = widths[i] + w;
                stretches[i + 1] = stretches[i] + (item instanceof Item.Glue g ? g.stretch() : 0);
                shrinks[i + 1] = shrinks[i] + (item instanceof Item.Glue g ? g.shrink() : 0);
                glyphs[i + 1] = glyphs[i] + (item instanceof Item.Box b && !b.fragments().isEmpty() ? w : 0);
                if (item instanceof Item.Box box) {
                    for (Fragment f : box.fragments()) {
                        em = Math.max(em, f.size());
                    }
                }
            }
            if (options.protrusion()) {
                for (int i = 0; i < n; i++) {
                    left[i] = items.get(i) instanceof Item.Box b ? Protrusion.left(b.fragments()) : 0;
                    // A ragged right edge is not aligned: nothing hangs into the right margin there.
                    right[i] = justify ? rightProtrusion(i) : 0;
                }
            }
            ragged = parameters.raggedStretch() * (em > 0 ? em : width / 20);
        }

        /** What hangs into the right margin when a line ends at item {@code b}: its hyphen, or its last character. */
        private double rightProtrusion(int b) {
            Item item = items.get(b);
            if (item instanceof Item.Penalty p && p.hyphen() != null) {
                return Protrusion.right(List.of(p.hyphen()));
            }
            if (item instanceof Item.Box) {
                return 0;
            }
            for (int i = b - 1; i >= 0; i--) {
                Item before = items.get(i);
                if (before instanceof Item.Box box) {
                    return Protrusion.right(box.fragments());
                }
                if (!(before instanceof Item.Penalty)) {
                    return 0;
                }
            }
            return 0;
        }

        /**
         * The optimal lines at this tolerance, or null if no way of breaking stays within it. With
         * an infinite tolerance (the last resort) badness is not capped, so a looser line always
         * costs more, and a word too wide for the measure gets an overfull line rather than
         * failing the pass.
         */
        List<Line> run(double tolerance, boolean hyphenate, boolean emergency) {
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
                    double ratio = fit(a.start(), b, emergency).cost();
                    if (ratio < -1 || forced) {
                        active.remove(k--);
                        lastDeactivated = a;
                    }
                    if (ratio < -1 || badness(ratio) > tolerance && !forced) {
                        continue;
                    }
                    int hyphens = flagged ? a.hyphens() + 1 : 0;
                    if (hyphens > options.maxConsecutiveHyphens()) {
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
                            fit(a.start(), b, emergency).cost(), flagged, a));
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
            return best == null ? null : lines(best, emergency);
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

        /**
         * How the line from {@code start} to the break at {@code end} is set. Justified text: the
         * glyphs take the shortfall (or excess) first, as far as the expansion allows, the spaces
         * the rest; in the emergency pass the line also has the emergency stretch, which is left
         * empty. Ragged text: judged with its virtual stretch, set at natural width.
         */
        private Fit fit(int start, int end, boolean emergency) {
            Item.Penalty penalty = items.get(end) instanceof Item.Penalty p ? p : null;
            double natural = widths[end] - widths[start] + (penalty != null ? penalty.width() : 0);
            double target = width + left[start] + right[end];
            double shortfall = target - natural;
            double stretch = stretches[end] - stretches[start] + (justify ? 0 : ragged);
            double shrink = shrinks[end] - shrinks[start];
            double scalable = justify ? glyphs[end] - glyphs[start] + (penalty != null && penalty.hyphen() != null
                    ? penalty.width() : 0) : 0;
            double fonts = options.expansion() * scalable;
            if (shortfall > 0) {
                double x = fonts > 0 ? step(Math.min(shortfall, fonts) / scalable) : 0;
                double rest = shortfall - x * scalable;
                double judged = fonts <= 0 || shortfall > fonts ? rest : Math.min(shortfall, fonts * FONT_ADJUSTED_SHARE);
                double extra = emergency ? options.emergencyStretch() : 0;
                double cost = stretch + extra > 0 ? judged / (stretch + extra) : Item.INFINITY;
                double glue;
                if (stretch <= 0) {
                    glue = emergency ? 0 : Item.INFINITY;
                } else if (emergency) {
                    glue = Math.max(Math.min(1, rest / stretch), rest / (stretch + extra));
                } else {
                    glue = rest / stretch;
                }
                return new Fit(cost, glue, x);
            }
            if (shortfall < 0) {
                double x = fonts > 0 ? -step(Math.min(-shortfall, fonts) / scalable) : 0;
                double rest = shortfall - x * scalable;
                double judged = fonts <= 0 || -shortfall > fonts ? rest : -Math.min(-shortfall, fonts * FONT_ADJUSTED_SHARE);
                double cost = shrink > 0 ? judged / shrink : -Item.INFINITY;
                double glue = shrink > 0 ? rest / shrink : -Item.INFINITY;
                return new Fit(cost, glue, x);
            }
            return new Fit(0, 0, 0);
        }

        /** An expansion rounded to a whole step (never beyond the style's limit, which is whole steps or less). */
        private double step(double expansion) {
            double stepped = Math.round(expansion / EXPANSION_STEP) * EXPANSION_STEP;
            return Math.min(stepped, options.expansion());
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
        private List<Line> lines(Node last, boolean emergency) {
            List<Line> out = new ArrayList<>();
            for (Node n = last; n.previous() != null; n = n.previous()) {
                int start = n.previous().start();
                int end = n.position();
                boolean paragraphEnd = items.get(end) instanceof Item.Penalty p && p.penalty() <= -Item.INFINITY;
                Fit fit = fit(start, end, emergency);
                double ratio;
                double expansion;
                if (!justify) {
                    ratio = raggedRatio(start, end);
                    expansion = 0;
                } else if (paragraphEnd) {
                    // A last line is set at its natural width unless it must shrink to fit.
                    ratio = Math.min(0, fit.glue());
                    expansion = Math.min(0, fit.expansion());
                } else {
                    ratio = fit.glue();
                    expansion = fit.expansion();
                }
                out.add(new Line(start, end, ratio, expansion, left[start], right[end]));
            }
            return out.reversed();
        }

        /** The ratio a ragged line is set with: no virtual stretch then, shrinking only if it must. */
        private double raggedRatio(int start, int end) {
            double natural = widths[end] - widths[start] + (items.get(end) instanceof Item.Penalty p ? p.width() : 0);
            double target = width + left[start] + right[end];
            double shrink = shrinks[end] - shrinks[start];
            if (natural <= target) {
                return 0;
            }
            return shrink > 0 ? (target - natural) / shrink : -Item.INFINITY;
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
