package dev.brochure.typeset.flow;

import dev.brochure.vocab.Margins;
import dev.brochure.vocab.MasterSpec;
import dev.brochure.diag.Diagnostics;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.typeset.flow.PageDraft.PlacedMarker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Distributes each section's vertical list over pages: into the body of the section's page
 * master, through balanced columns where the layout asks for them, with fixed pages placed as
 * they come. Collects where bookmarks and link destinations ended up, and marks the lines that
 * begin and end each column ({@link VItem.VBox#inColumn}), for the typography report.
 */
public final class PageComposer {

    private final double pageWidth;
    private final double pageHeight;
    private final double bleed;
    private final BlockBuilder builder;
    private final FrameSetter frames;
    private final Diagnostics diagnostics;
    private final SharedSections shared;
    private final Function<Diagnostics, BlockBuilder> sharedBuilder;
    private final List<PageDraft> pages = new ArrayList<>();
    private final List<PlacedMarker> markers = new ArrayList<>();
    private PageDraft current;
    private double cursor;
    private LayoutSection section;

    PageComposer(double pageWidth, double pageHeight, double bleed, BlockBuilder builder, Diagnostics diagnostics) {
        this(pageWidth, pageHeight, bleed, builder, diagnostics, SharedSections.none(), null);
    }

    PageComposer(double pageWidth, double pageHeight, double bleed, BlockBuilder builder, Diagnostics diagnostics,
            SharedSections shared, Function<Diagnostics, BlockBuilder> sharedBuilder) {
        this.pageWidth = pageWidth;
        this.pageHeight = pageHeight;
        this.bleed = bleed;
        this.builder = builder;
        this.frames = new FrameSetter(builder, diagnostics);
        this.diagnostics = diagnostics;
        this.shared = shared;
        this.sharedBuilder = sharedBuilder;
    }

    List<PageDraft> pages() {
        return pages;
    }

    List<PlacedMarker> markers() {
        return markers;
    }

    void section(LayoutSection s) {
        section = s;
        if (current != null && (s.newPage() || current.fixed)) {
            finishPage();
        }
        Margins m = s.master().margins();
        double bodyWidth = pageWidth - m.left() - m.right();
        List<VItem> items = new ArrayList<>();
        // The section's bookmark and destination ride on a zero-height box glued to what follows.
        items.add(new VItem.VBox(0, List.of(), List.of(new VItem.Marker(s.title(), 0, s.id(), 0)), Double.NaN,
                s.where()));
        items.add(VItem.VPenalty.forbid());
        items.addAll(blocks(s, bodyWidth));
        flow(items);
    }

    /** The section's blocks as a vertical list: set for this document, or once for every copy that shares it. */
    private List<VItem> blocks(LayoutSection s, double bodyWidth) {
        if (!shared.shares(s)) {
            return builder.build(s.blocks(), bodyWidth, true);
        }
        SharedSections.Built built = shared.get(s, bodyWidth, () -> {
            Diagnostics own = new Diagnostics();
            return new SharedSections.Built(sharedBuilder.apply(own).build(s.blocks(), bodyWidth, true), own.all());
        });
        diagnostics.addAll(built.diagnostics());
        return built.items();
    }

    void finish() {
        finishPage();
    }

    private void flow(List<VItem> items) {
        int lastContent = lastContent(items);
        List<VItem> run = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            switch (items.get(i)) {
                case VItem.VColumns c -> {
                    flowRun(run, true);
                    flowColumns(c.items(), c.count(), c.gap(), c.columnWidth(), lastContent > i);
                }
                case VItem.VFixedPage f -> {
                    flowRun(run, true);
                    fixedPage(f);
                }
                default -> run.add(items.get(i));
            }
        }
        flowRun(run, false);
    }

    /** {@code moreAfter}: the section goes on after this run. */
    private void flowRun(List<VItem> run, boolean moreAfter) {
        if (!run.isEmpty()) {
            Margins m = master().margins();
            flowColumns(List.copyOf(run), 1, 0, pageWidth - m.left() - m.right(), moreAfter);
            run.clear();
        }
    }

    /** The index of the last item that shows something (-1 if none): a box with extent, columns or a fixed page. */
    private static int lastContent(List<VItem> items) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i) instanceof VItem.VBox b ? hasExtent(b)
                    : items.get(i) instanceof VItem.VColumns || items.get(i) instanceof VItem.VFixedPage) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasExtent(VItem.VBox box) {
        return box.height() > 0 || !box.items().isEmpty();
    }

    /** Flows {@code items} through columns; {@code moreAfter}: the section goes on after them. */
    private void flowColumns(List<VItem> items, int count, double gap, double columnWidth, boolean moreAfter) {
        int lastContent = lastContent(items);
        int index = 0;
        while (index < items.size()) {
            if (ColumnFiller.skipDiscardable(items, index) >= items.size()) {
                cursor += trailingGlue(items, index);
                return;
            }
            ensurePage();
            Margins m = current.master.margins();
            double top = cursor;
            double height = pageHeight - m.bottom() - top;
            List<ColumnFiller.Fill> fills = ColumnFiller.fillColumns(items, index, count, height);
            ColumnFiller.Fill first = fills.getFirst();
            if (first.stuck()) {
                if (current.hasContent) {
                    finishPage();
                    continue;
                }
                tooTall(items, first, height);
                index = first.next();
                continue;
            }
            boolean allFit = ColumnFiller.fitsAll(fills, items.size()) && fills.stream().noneMatch(ColumnFiller.Fill::newPage);
            if (allFit && count > 1) {
                fills = ColumnFiller.fillColumns(items, index, count, ColumnFiller.balance(items, index, count, height));
            }
            double used = 0;
            ColumnFiller.Fill last = fills.getLast();
            for (int c = 0; c < fills.size(); c++) {
                // A column ends at a foot when reading goes on in the next column or page, not
                // when the flow simply ends and the page goes on below it.
                boolean foot = c < fills.size() - 1 || last.newPage() || !allFit;
                // Its section goes on after it (not only other sections on later pages).
                boolean goesOn = foot && (lastContent >= fills.get(c).end() || moreAfter);
                used = Math.max(used, placeColumn(items, fills.get(c), m.left() + c * (columnWidth + gap), top, goesOn));
            }
            cursor = top + used;
            // A group that did not fit in a later column starts the next page instead.
            index = last.stuck() ? last.start() : last.next();
            if (last.newPage() || !allFit) {
                finishPage();
            }
        }
    }

    /** Reports what cannot fit even on an empty page: one block, or a group that must stay together. */
    private void tooTall(List<VItem> items, ColumnFiller.Fill stuck, double height) {
        double tall = 0;
        VItem.VBox first = null;
        for (int i = stuck.start(); i < Math.min(stuck.next(), items.size()); i++) {
            if (items.get(i) instanceof VItem.VBox b) {
                // The section's bookmark box has no extent; name the first block that has one.
                first = first == null && (b.height() > 0 || !b.items().isEmpty()) ? b : first;
                tall += b.height();
            } else if (items.get(i) instanceof VItem.VGlue g) {
                tall += g.height();
            }
        }
        String what = stuck.kept() ? "content of section '%s' that must stay together (a heading with what follows it, "
                + "or the first or last lines of a paragraph) is %.0fpt tall but a page holds only %.0fpt"
                : "a block of section '%s' is %.0fpt tall but a page holds only %.0fpt";
        diagnostics.error(first != null ? first.where() : section.where(),
                String.format(Locale.ROOT, what, section.id(), tall, height),
                stuck.kept() ? "shorten the text, or give the paragraph a larger box in the layout"
                        : "shorten it, or make its image or panel smaller in the layout");
    }

    /**
     * Places a column's boxes; its first box is marked as the column's top, its last as its foot
     * if {@code foot} (reading goes on in another column or page of the section).
     */
    private double placeColumn(List<VItem> items, ColumnFiller.Fill fill, double x, double top, boolean foot) {
        int first = -1;
        int last = -1;
        for (int i = fill.start(); i < fill.end(); i++) {
            if (items.get(i) instanceof VItem.VBox box && hasExtent(box)) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        double y = top;
        for (int i = fill.start(); i < fill.end(); i++) {
            VItem item = items.get(i);
            if (item instanceof VItem.VBox box) {
                markers.addAll(current.place(i == first || i == last ? box.inColumn(i == first, i == last && foot) : box,
                        x, y));
                y += box.height();
            } else if (item instanceof VItem.VGlue glue) {
                y += glue.height();
            }
        }
        return fill.used();
    }

    private static double trailingGlue(List<VItem> items, int from) {
        double sum = 0;
        for (int i = from; i < items.size(); i++) {
            if (items.get(i) instanceof VItem.VGlue g) {
                sum += g.height();
            }
        }
        return sum;
    }

    private void fixedPage(VItem.VFixedPage f) {
        if (current != null) {
            finishPage();
        }
        PageDraft page = new PageDraft(pages.size(), f.page().master(), section.id(), section.title(), true,
                f.page().background());
        pages.add(page);
        frames.place(f.page(), page, pageWidth, pageHeight, bleed);
    }

    private MasterSpec master() {
        return current != null ? current.master : section.master();
    }

    private void ensurePage() {
        if (current == null) {
            current = new PageDraft(pages.size(), section.master(), section.id(), section.title(), false,
                    section.master().background());
            pages.add(current);
            cursor = section.master().margins().top();
        }
    }

    private void finishPage() {
        if (current != null && !current.hasContent && !current.fixed) {
            pages.remove(current);
        }
        current = null;
    }
}
