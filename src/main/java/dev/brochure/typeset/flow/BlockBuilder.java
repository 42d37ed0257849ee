package dev.brochure.typeset.flow;

import dev.brochure.vocab.Align;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.Theme;
import dev.brochure.diag.Diagnostics;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Fit;
import dev.brochure.layout.tree.Inline;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Rect;
import dev.brochure.typeset.page.Tag;
import dev.brochure.typeset.text.RunTags;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns layout blocks into the vertical list: text becomes line boxes with the penalties that
 * keep headings with what follows and avoid widows and orphans; images, quotes, panels and rows
 * become single unbreakable boxes; space between blocks is the larger of the two blocks' spaces.
 */
final class BlockBuilder {

    private final Theme theme;
    private final TextSetter text;
    private final Structure structure;
    private final Diagnostics diagnostics;
    private final double blockGap;
    /** How many list items the blocks being built are inside: their paragraphs are hyphenated only if they must. */
    private int listDepth;

    BlockBuilder(Theme theme, TextSetter text, Structure structure, Diagnostics diagnostics) {
        this.theme = theme;
        this.text = text;
        this.structure = structure;
        this.diagnostics = diagnostics;
        TextStyle body = theme.styles().get("body");
        this.blockGap = body == null ? 6 : body.spaceAfter();
    }

    /** The vertical list of {@code blocks} set {@code width} wide; at the top level it is flowed over pages. */
    List<VItem> build(List<Block> blocks, double width, boolean topLevel) {
        return build(blocks, width, topLevel, topLevel);
    }

    /**
     * The vertical list of {@code blocks}; {@code flowing} when the page composer flows it over
     * columns and pages (a section's top level, or columns there), so rows may split.
     */
    List<VItem> build(List<Block> blocks, double width, boolean topLevel, boolean flowing) {
        List<VItem> out = new ArrayList<>();
        double pendingAfter = -1;
        for (Block block : blocks) {
            double before = spaceBefore(block);
            if (pendingAfter >= 0 && !(block instanceof Block.PageBreak || block instanceof Block.ColumnBreak)) {
                out.add(new VItem.VGlue(Math.max(pendingAfter, before)));
            }
            out.addAll(block(block, width, topLevel, flowing));
            pendingAfter = spaceAfter(block);
            if (block instanceof Block.PageBreak || block instanceof Block.ColumnBreak || block instanceof Block.FixedPage) {
                pendingAfter = -1;
            }
        }
        return out;
    }

    /** A nested list of blocks (inside a panel, cell, quote or frame) stacked into one box. */
    VItem.VBox stacked(List<Block> blocks, double width, dev.brochure.vocab.SourceLocation where) {
        return Stacker.stack(build(blocks, width, false), where, this::balanced);
    }

    /** How a box grows; the text it sets again to grow is not recorded for the report twice. */
    private VItem.Grow grow(double weight, boolean ink, java.util.function.DoubleFunction<VItem.VBox> taller) {
        return new VItem.Grow(weight, ink, new Grown(extra -> text.quietly(() -> taller.apply(extra))));
    }

    /**
     * A box's taller versions, each set once: a section that the copies of a batch share grows by
     * the same amount on each copy's page, and setting its text again for every copy cost more
     * than anything else a copy did. One at a time (copies build at once), a few heights kept.
     */
    private static final class Grown implements java.util.function.DoubleFunction<VItem.VBox> {
        private static final int KEPT = 8;
        private final java.util.function.DoubleFunction<VItem.VBox> taller;
        /** Guarded by this. */
        private final java.util.Map<Double, VItem.VBox> made = new java.util.HashMap<>();

        Grown(java.util.function.DoubleFunction<VItem.VBox> taller) {
            this.taller = taller;
        }

        @Override
        public synchronized VItem.VBox apply(double extra) {
            VItem.VBox box = made.get(extra);
            if (box == null) {
                box = taller.apply(extra);
                if (made.size() < KEPT) {
                    made.put(extra, box);
                }
            }
            return box;
        }
    }

    /** Empty space; growing, it takes {@code grow} shares of what is left at the foot of its page. */
    private static VItem.VBox spacer(double height, double grow, Block.Spacer s) {
        VItem.VBox box = new VItem.VBox(height, List.of(), List.of(), Double.NaN, s.where()).withKind("spacer");
        return grow <= 0 ? box : box.withGrow(new VItem.Grow(grow, false, extra -> spacer(height + extra, grow, s)));
    }

    private List<VItem> block(Block block, double width, boolean topLevel, boolean flowing) {
        return switch (block) {
            case Block.Paragraph p -> paragraph(p.text(), p.style(), p.align(), width, p);
            case Block.Heading h -> heading(h, width);
            case Block.ListBlock l -> list(l, width);
            case Block.Image i -> List.of(images().image(i, width));
            case Block.Quote q -> List.of(quote(q, width));
            case Block.Spacer s -> List.of(spacer(s.height(), s.grow(), s));
            case Block.Rule r -> {
                double w = Math.min(width, r.width().resolve(width));
                // A rule decorates: it is an artifact, not content.
                yield List.of(new VItem.VBox(r.thickness(), List.of(new PageItem.Line(0, r.thickness() / 2, w,
                        r.thickness() / 2, r.color(), r.thickness(), Tag.Artifact.LAYOUT)), List.of(), Double.NaN,
                        r.where()));
            }
            case Block.Panel p -> List.of(panel(p, width, 0));
            case Block.Row r -> r.split() && flowing ? List.of(splitRow(r, width)) : List.of(row(r, width, 0));
            case Block.Grid g -> grid(g, width);
            case Block.Table t -> new TableSetter(this, text).table(t, width);
            case Block.Qr q -> List.of(QrBox.qr(q, width, structure, diagnostics));
            case Block.KeepTogether k -> List.of(stacked(List.of(k.block()), width, k.where())
                    .withKind("keep-together"));
            case Block.Columns c -> {
                double colWidth = (width - c.gap() * (c.count() - 1)) / c.count();
                List<VItem> inner = build(c.blocks(), colWidth, false, topLevel);
                VItem.VColumns columns = new VItem.VColumns(c.count(), c.gap(), colWidth, inner, c.where());
                yield topLevel ? List.of(columns) : List.of(balanced(columns));
            }
            case Block.PageBreak b -> topLevel ? List.of(new VItem.VPenalty(-VItem.INFINITY, true)) : List.of();
            case Block.ColumnBreak b -> topLevel ? List.of(new VItem.VPenalty(-VItem.INFINITY, false)) : List.of();
            case Block.FixedPage f -> {
                if (!topLevel) {
                    diagnostics.error(f.where(), "a <page> can only stand at the top level of a section",
                            "move the <page> out of the panel, row or frame that holds it");
                    yield List.of();
                }
                yield List.of(new VItem.VFixedPage(f));
            }
        };
    }

    private List<VItem> paragraph(List<Inline> inlines, TextStyle style, Align align, double width, Block block) {
        List<VItem.VBox> lines = listDepth > 0 ? text.listItemLines(inlines, style, align, width, block)
                : text.lines(inlines, style, align, width, block);
        List<VItem> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                // No single line of a paragraph is left alone at a column's foot (orphan) or head (widow).
                boolean lonely = i == 1 || i == lines.size() - 1;
                out.add(lonely ? VItem.VPenalty.forbid() : VItem.VPenalty.allow());
            }
            out.add(lines.get(i));
        }
        if (style.keepWithNext()) {
            out.add(VItem.VPenalty.forbid());
        }
        return out;
    }

    private List<VItem> heading(Block.Heading h, double width) {
        List<VItem.VBox> lines = text.headingLines(h, width);
        List<VItem> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            VItem.VBox line = lines.get(i);
            if (i == 0 && h.outline()) {
                String title = h.text().stream().filter(Inline.Run.class::isInstance)
                        .map(r -> ((Inline.Run) r).text()).reduce("", String::concat).replaceAll("\\s+", " ").strip();
                line = line.withMarkers(List.of(new VItem.Marker(title, 1, null, 0)));
            }
            if (i > 0) {
                out.add(VItem.VPenalty.forbid());
            }
            out.add(line);
        }
        out.add(VItem.VPenalty.forbid());
        return out;
    }

    private List<VItem> list(Block.ListBlock l, double width) {
        TextStyle style = l.style();
        double indent = Math.max(style.size() * 1.4, markerWidth(l) + style.size() * 0.6);
        List<VItem> out = new ArrayList<>();
        for (int n = 0; n < l.items().size(); n++) {
            if (n > 0) {
                out.add(new VItem.VGlue(style.spaceAfter() / 2));
            }
            String marker = l.ordered() ? (n + 1) + "." : l.marker();
            listDepth++;
            List<VItem> item;
            try {
                item = build(l.items().get(n), width - indent, false);
            } finally {
                listDepth--;
            }
            boolean markerPlaced = false;
            for (VItem v : item) {
                if (v instanceof VItem.VBox box) {
                    VItem.VBox shifted = box.moved(indent, 0);
                    if (!markerPlaced) {
                        shifted = withMarker(shifted, marker, l, n, box.baseline());
                        markerPlaced = true;
                    }
                    out.add(shifted);
                } else if (v instanceof VItem.VColumns c) {
                    out.add(balanced(c).moved(indent, 0));
                } else {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private VItem.VBox withMarker(VItem.VBox box, String marker, Block.ListBlock l, int item, double baseline) {
        List<Inline> run = List.of(new Inline.Run(marker, false, false, null, l.markerColor()));
        VItem.VBox m = text.label(run, l.style(), Align.LEFT, 1000, l.where(), structure.label(l, item)).getFirst();
        double dy = (Double.isNaN(baseline) ? m.baseline() : baseline) - m.baseline();
        // The marker is drawn first, so it also comes first when the text is read or extracted.
        List<PageItem> items = new ArrayList<>();
        m.items().forEach(i -> items.add(i.moved(0, dy)));
        items.addAll(box.items());
        return box.withItems(items);
    }

    private double markerWidth(Block.ListBlock l) {
        String widest = l.ordered() ? l.items().size() + "." : l.marker();
        List<Inline> run = List.of(new Inline.Run(widest, false, false, null, null));
        return text.label(run, l.style(), Align.LEFT, 1000, l.where(), RunTags.all(Tag.NONE)).getFirst().items().stream()
                .filter(PageItem.GlyphRun.class::isInstance).mapToDouble(i -> ((PageItem.GlyphRun) i).width()).sum();
    }

    private VItem.VBox quote(Block.Quote q, double width) {
        double inset = q.bar() == null ? 0 : 14;
        VItem.VBox body = stacked(q.body(), width - inset, q.where());
        List<PageItem> items = new ArrayList<>(body.moved(inset, 0).items());
        double y = body.height();
        if (!q.attribution().isEmpty()) {
            y += q.attributionStyle().spaceBefore();
            for (VItem.VBox line : text.lines(q.attribution(), q.attributionStyle(), null, width - inset, q,
                    structure.attribution(q))) {
                items.addAll(line.moved(inset, y).items());
                y += line.height();
            }
        }
        if (q.bar() != null) {
            items.addFirst(new PageItem.Line(1.5, 0, 1.5, y, q.bar(), 3, Tag.Artifact.LAYOUT));
        }
        return new VItem.VBox(y, items, body.markers(), body.baseline(), q.where()).withKind("quote");
    }

    /**
     * A panel at least {@code stretchTo} tall. Space beyond its content goes to what inside it
     * grows, if anything does, else it is placed by {@code valign}. A panel that grows, or holds
     * something that does, can be made taller at the foot of its page.
     */
    VItem.VBox panel(Block.Panel p, double width, double stretchTo) {
        double innerWidth = width - p.padding().horizontal();
        VItem.VBox inner = stacked(p.blocks(), innerWidth, p.where());
        double natural = inner.height() + p.padding().vertical();
        double height = Math.max(Math.max(p.minHeight(), stretchTo), natural);
        double free = height - p.padding().vertical() - inner.height();
        VItem.Grow innerGrow = inner.grow();
        if (free > 0.01 && innerGrow != null) {
            inner = innerGrow.taller().apply(free);
            free = 0;
        }
        double dy = p.padding().top() + switch (p.valign()) {
            case TOP -> 0;
            case MIDDLE -> free / 2;
            case BOTTOM -> free;
        };
        List<PageItem> items = new ArrayList<>();
        if (p.fill() != null || p.stroke() != null) {
            // The panel's box is decoration; what it holds is the content.
            items.add(new PageItem.Box(new Rect(0, 0, width, height), p.fill(), p.stroke(), p.strokeWidth(), p.radius(),
                    Tag.Artifact.LAYOUT));
        }
        VItem.VBox placed = inner.moved(p.padding().left(), dy);
        items.addAll(placed.items());
        VItem.VBox box = new VItem.VBox(height, items, placed.markers(), inner.baseline() + dy, p.where())
                .withKind("panel");
        double weight = p.grow() > 0 ? p.grow() : innerGrow == null ? 0 : innerGrow.weight();
        if (weight > 0) {
            boolean ink = innerGrow != null && innerGrow.ink();
            double at = height;
            box = box.withGrow(grow(weight, ink, extra -> panel(p, width, at + extra)));
        }
        return box;
    }

    /**
     * A row at least {@code minHeight} tall. A row whose cells hold something that grows can be
     * made taller: each such cell grows to the row's new height, the others keep their place.
     */
    private VItem.VBox row(Block.Row r, double width, double minHeight) {
        double[] widths = RowWidths.of(r, width);
        List<VItem.VBox> cells = new ArrayList<>();
        double height = minHeight;
        for (int i = 0; i < r.cells().size(); i++) {
            VItem.VBox cell = stacked(r.cells().get(i).blocks(), widths[i], r.where());
            cells.add(cell);
            height = Math.max(height, cell.height());
        }
        double natural = height;
        double weight = 0;
        boolean ink = false;
        for (int i = 0; i < cells.size(); i++) {
            VItem.Grow g = cells.get(i).grow();
            if (g != null) {
                weight = Math.max(weight, g.weight());
                ink |= g.ink();
                if (height - cells.get(i).height() > 0.01) {
                    cells.set(i, g.taller().apply(height - cells.get(i).height()));
                }
            }
        }
        if (r.equalHeight()) {
            for (int i = 0; i < cells.size(); i++) {
                List<Block> blocks = r.cells().get(i).blocks();
                if (blocks.size() == 1 && blocks.getFirst() instanceof Block.Panel p) {
                    double w = widths[i];
                    double h = height;
                    cells.set(i, text.quietly(() -> panel(p, w, h)));
                } else if (blocks.size() == 1 && blocks.getFirst() instanceof Block.Image img && img.fit() == Fit.COVER
                        && height - cells.get(i).height() > 0.01) {
                    // A photo alone in its cell grows to the row's height, cropped to fill it.
                    cells.set(i, images().taller(img, widths[i], height - cells.get(i).height()));
                }
            }
        }
        List<PageItem> items = new ArrayList<>();
        List<VItem.Marker> markers = new ArrayList<>();
        double x = 0;
        for (int i = 0; i < cells.size(); i++) {
            VItem.VBox cell = cells.get(i);
            double free = height - cell.height();
            double dy = switch (r.valign()) {
                case TOP -> 0;
                case MIDDLE -> free / 2;
                case BOTTOM -> free;
            };
            VItem.VBox placed = cell.moved(x, dy);
            items.addAll(placed.items());
            markers.addAll(placed.markers());
            x += widths[i] + r.gap();
        }
        VItem.VBox box = new VItem.VBox(height, items, markers,
                cells.isEmpty() ? Double.NaN : cells.getFirst().baseline(), r.where()).withKind("row");
        if (weight > 0) {
            box = box.withGrow(grow(weight, ink, extra -> row(r, width, natural + extra)));
        }
        return box;
    }

    /** A row whose cells break side by side where it flows: each cell's own vertical list. */
    private VItem splitRow(Block.Row r, double width) {
        double[] widths = RowWidths.of(r, width);
        List<List<VItem>> cells = new ArrayList<>();
        double[] x = new double[widths.length];
        double at = 0;
        for (int i = 0; i < widths.length; i++) {
            List<Block> blocks = r.cells().get(i).blocks();
            List<VItem> cell = build(blocks, widths[i], false);
            if (r.equalHeight() && blocks.size() == 1 && cell.size() == 1 && cell.getFirst() instanceof VItem.VBox b
                    && b.grow() == null) {
                // As in a row of equal height, a lone panel or cover photo stretches to the tallest
                // cell of each part of the row (weight 0: it does not grow at a page's foot).
                double w = widths[i];
                if (blocks.getFirst() instanceof Block.Panel p) {
                    double h = b.height();
                    cell = List.of(b.withGrow(grow(0, false, extra -> panel(p, w, h + extra))));
                } else if (blocks.getFirst() instanceof Block.Image img && img.fit() == Fit.COVER) {
                    cell = List.of(b.withGrow(grow(0, true,
                            extra -> new ImageBox(text, structure, diagnostics).taller(img, w, extra))));
                }
            }
            cells.add(cell);
            x[i] = at;
            at += widths[i] + r.gap();
        }
        return new VItem.VSplitRow(cells, new int[widths.length], x, r.where());
    }

    /**
     * A grid: its cells in rows of {@code columns} equal cells, one box per row, rows apart by
     * the row gap (where a page may break). The last row, if incomplete, as {@code lastRow} says.
     */
    private List<VItem> grid(Block.Grid g, double width) {
        double cellWidth = (width - g.gap() * (g.columns() - 1)) / g.columns();
        List<VItem> out = new ArrayList<>();
        for (int start = 0; start < g.cells().size(); start += g.columns()) {
            List<Block.Cell> cells = g.cells().subList(start, Math.min(g.cells().size(), start + g.columns()));
            boolean incomplete = cells.size() < g.columns();
            List<Block.Cell> sized = new ArrayList<>();
            for (Block.Cell c : cells) {
                sized.add(incomplete && g.lastRow() == Block.LastRow.SPREAD ? new Block.Cell(null, 1, c.blocks())
                        : new Block.Cell(dev.brochure.vocab.Length.points(cellWidth), 1, c.blocks()));
            }
            Block.Row row = new Block.Row(g.gap(), g.valign(), g.equalHeight(), sized, g.where());
            double rowWidth = incomplete && g.lastRow() == Block.LastRow.SPREAD ? width
                    : cells.size() * cellWidth + (cells.size() - 1) * g.gap();
            double dx = incomplete && g.lastRow() == Block.LastRow.CENTER ? (width - rowWidth) / 2 : 0;
            if (start > 0) {
                out.add(new VItem.VGlue(g.rowGap()));
            }
            out.add(row(row, rowWidth, 0).moved(dx, 0).withKind("grid"));
        }
        return out;
    }

    private ImageBox images() {
        return new ImageBox(text, structure, diagnostics);
    }

    /** The document's structure, which the blocks' items are tagged with. */
    Structure structure() {
        return structure;
    }

    /** Columns inside a box: balanced, never broken across pages. */
    VItem.VBox balanced(VItem.VColumns c) {
        return ColumnFiller.balancedBox(c, this::balanced);
    }

    private double spaceBefore(Block block) {
        return switch (block) {
            case Block.Paragraph p -> p.style().spaceBefore();
            case Block.Heading h -> h.style().spaceBefore();
            case Block.ListBlock l -> l.style().spaceBefore();
            case Block.Spacer s -> 0;
            case Block.KeepTogether k -> spaceBefore(k.block());
            default -> blockGap;
        };
    }

    private double spaceAfter(Block block) {
        return switch (block) {
            case Block.KeepTogether k -> spaceAfter(k.block());
            case Block.Paragraph p -> p.style().spaceAfter();
            case Block.Heading h -> h.style().spaceAfter();
            case Block.ListBlock l -> l.style().spaceAfter();
            case Block.Image i -> i.caption().isEmpty() ? blockGap : Math.max(blockGap, i.captionStyle().spaceAfter());
            case Block.Spacer s -> 0;
            default -> blockGap;
        };
    }
}
