package dev.brochure.typeset.text;

import dev.brochure.vocab.Align;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Rect;
import dev.brochure.typeset.page.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets broken lines: positions every glyph of a line (glue stretched or shrunk by the line's
 * ratio, glyphs widened or narrowed by its font expansion, the line shifted for its alignment and
 * by what protrudes into the left margin) and emits glyph runs and link areas relative to the
 * line's start on its baseline. The glyph positions are final: drawing must not move them.
 */
public final class LineSetter {

    /**
     * A set line: its items (baseline at y = 0), its final width (from the measure's left edge to
     * its right edge, not counting what protrudes into the margins), whether it ends with a hyphen
     * (inserted by hyphenation, or one the text has), and its font expansion (a fraction).
     */
    public record SetLine(List<PageItem> items, double width, boolean hyphenated, double expansion) {
    }

    private LineSetter() {
    }

    public static SetLine set(List<Item> items, LineBreaker.Line line, double measure, Align align) {
        return set(items, line, measure, align, RunTags.all(Tag.NONE));
    }

    /**
     * As {@link #set(List, LineBreaker.Line, double, Align)}, every glyph run and link area tagged
     * by {@code tags}: a run never mixes text of two tags (a link's text and the text around it).
     */
    public static SetLine set(List<Item> items, LineBreaker.Line line, double measure, Align align, RunTags tags) {
        double ratio = Math.max(-1, line.ratio() >= Item.INFINITY ? 0 : line.ratio());
        double scale = 1 + line.expansion();
        RunCollector runs = new RunCollector(scale, tags);
        double x = 0;
        for (int i = line.start(); i < line.end(); i++) {
            Item item = items.get(i);
            switch (item) {
                case Item.Box box -> {
                    for (Fragment f : box.fragments()) {
                        runs.add(f, x, f.width() * scale);
                        x += f.width() * scale;
                    }
                    if (box.fragments().isEmpty()) {
                        x += box.width();
                    }
                }
                case Item.Glue glue -> {
                    double w = glue.width() + (ratio >= 0 ? ratio * glue.stretch() : ratio * glue.shrink());
                    if (glue.space() != null && i > line.start()) {
                        runs.add(glue.space(), x, w);
                    }
                    x += w;
                }
                case Item.Penalty p -> { }
            }
        }
        boolean hyphenated = false;
        if (line.end() < items.size() && items.get(line.end()) instanceof Item.Penalty p) {
            hyphenated = p.flagged();
            if (p.hyphen() != null) {
                // The penalty's width is the hyphen plus the kerning change at the cut: the hyphen
                // sits at its end.
                double hyphen = p.hyphen().width() * scale;
                runs.add(p.hyphen(), x + p.width() * scale - hyphen, hyphen);
            }
            x += p.width() * scale;
        }
        // What protrudes into the margins does not count towards the line's width.
        double width = x - line.left() - line.right();
        double shift = switch (align) {
            case RIGHT -> measure - width - line.left();
            case CENTER -> (measure - width) / 2 - line.left();
            default -> -line.left();
        };
        List<PageItem> out = new ArrayList<>();
        for (PageItem item : runs.finish()) {
            out.add(shift == 0 ? item : item.moved(shift, 0));
        }
        return new SetLine(out, width, hyphenated, line.expansion());
    }

    /** Merges neighbouring fragments of the same look and tag into one glyph run, and links into areas. */
    private static final class RunCollector {
        private final double scale;
        private final RunTags tags;
        private Tag runTag;
        private final List<PageItem> out = new ArrayList<>();
        private final List<PageItem> links = new ArrayList<>();
        private Fragment look;
        private double runX;
        private final List<Integer> glyphs = new ArrayList<>();
        private final List<Double> positions = new ArrayList<>();
        private final List<Integer> clusters = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private double runEnd;
        private String linkHref;
        private Tag linkTag;
        private double linkX;
        private double linkEnd;
        private double linkTop;
        private double linkBottom;

        RunCollector(double scale, RunTags tags) {
            this.scale = scale;
            this.tags = tags;
        }

        /** Adds a fragment drawn from {@code x}, taking {@code advance} (wider than natural for glue). */
        void add(Fragment f, double x, double advance) {
            Tag tag = tags.of(f.href(), f.lang());
            if (look == null || !look.sameLook(f) || !tag.equals(runTag)) {
                flushRun();
                look = f;
                runX = x;
                runTag = tag;
            }
            double unit = f.size() / 1000.0 * scale;
            double gx = x;
            int[] g = f.shaped().glyphs();
            double[] adv = f.shaped().advances();
            int[] fragmentClusters = f.shaped().clusters();
            int offset = text.length();
            for (int i = 0; i < g.length; i++) {
                glyphs.add(g[i]);
                clusters.add(offset + fragmentClusters[i]);
                positions.add(gx - runX);
                gx += adv[i] * unit + f.trackingPoints() * scale;
            }
            text.append(f.shaped().text());
            runEnd = x + advance;
            link(f, x, advance);
        }

        private void link(Fragment f, double x, double advance) {
            if (f.href() != null && f.href().equals(linkHref) && Math.abs(x - linkEnd) < 0.01) {
                linkEnd = x + advance;
                return;
            }
            flushLink();
            if (f.href() != null && !f.shaped().text().isBlank()) {
                linkHref = f.href();
                linkTag = tags.of(f.href(), f.lang());
                linkX = x;
                linkEnd = x + advance;
                linkTop = -f.face().ascent() * f.size();
                linkBottom = f.face().descent() * f.size();
            }
        }

        private void flushLink() {
            if (linkHref != null) {
                links.add(new PageItem.Link(new Rect(linkX, linkTop, linkEnd - linkX, linkBottom - linkTop), linkHref,
                        linkTag));
            }
            linkHref = null;
        }

        private void flushRun() {
            if (look != null && !glyphs.isEmpty()) {
                int[] g = glyphs.stream().mapToInt(Integer::intValue).toArray();
                double[] p = positions.stream().mapToDouble(Double::doubleValue).toArray();
                int[] cps = clusters.stream().mapToInt(Integer::intValue).toArray();
                out.add(new PageItem.GlyphRun(runX, 0, look.face().file(), look.size(), look.color(), g, p, cps,
                        runEnd - runX, text.toString(), scale, runTag));
            }
            glyphs.clear();
            clusters.clear();
            positions.clear();
            text.setLength(0);
        }

        List<PageItem> finish() {
            flushRun();
            flushLink();
            List<PageItem> all = new ArrayList<>(out);
            all.addAll(links);
            return all;
        }
    }
}
