package dev.brochure.typeset.flow;

import dev.brochure.vocab.Margins;
import dev.brochure.vocab.MasterSpec;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostics;
import dev.brochure.layout.tree.Block;
import dev.brochure.world.MemoryBudget;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.typeset.flow.PageDraft.PlacedMarker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Distributes each section's vertical list over pages: into the body of the section's page
 * master, through balanced columns where the layout asks for them, with fixed pages placed as
 * they come. Collects where bookmarks and link destinations ended up, and marks the lines that
 * begin and end each column ({@link VItem.VBox#inColumn}), for the typography report.
 *
 * <p>When a flow page is finished, the space left below its content goes to the gaps between
 * blocks of sections that allow it (each by at most the section's {@code feather}), then to the
 * boxes on it that grow, by their weights; what lies below moves down.
 * A section that ends on a page it leaves less than a third full, or that spills a few lines
 * onto a page of its own, is warned about.
 */
public final class PageComposer {

    /** A section's last page filled less than this (share of the type area) is a warning. */
    static final double UNDERFULL = 1.0 / 3;
    /** A section's own last page, after pages of it, filled less than this has had a few lines spill onto it. */
    static final double SPILL = 0.2;

    private final double pageWidth;
    private final double pageHeight;
    private final double bleed;
    private final double sectionGap;
    private final BlockBuilder builder;
    private final FrameSetter frames;
    private final Diagnostics diagnostics;
    private final SharedSections shared;
    private final Function<Diagnostics, BlockBuilder> sharedBuilder;
    private final int maxPages = MemoryBudget.ofThisProcess().pages();
    private final List<PageDraft> pages = new ArrayList<>();
    private final List<PlacedMarker> markers = new ArrayList<>();
    /** The page each section's first visible box went on. */
    private final Map<String, Integer> firstPage = new HashMap<>();
    private PageDraft current;
    private double cursor;
    private LayoutSection section;

    PageComposer(double pageWidth, double pageHeight, double bleed, double sectionGap, BlockBuilder builder,
            Diagnostics diagnostics) {
        this(pageWidth, pageHeight, bleed, sectionGap, builder, diagnostics, SharedSections.none(), null);
    }

    PageComposer(double pageWidth, double pageHeight, double bleed, double sectionGap, BlockBuilder builder,
            Diagnostics diagnostics, SharedSections shared, Function<Diagnostics, BlockBuilder> sharedBuilder) {
        this.pageWidth = pageWidth;
        this.pageHeight = pageHeight;
        this.bleed = bleed;
        this.sectionGap = sectionGap;
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
        boolean continues = current != null && !current.fixed && !s.newPage();
        if (current != null && !continues) {
            finishPage(true);
        }
        section = s;
        // Before any paragraph is set: a layout writing thousands of page breaks fails at once.
        long atLeast = pages.size() + leastPages(s.blocks());
        if (atLeast > maxPages) {
            throw tooManyPages(atLeast);
        }
        Margins m = s.master().margins();
        double bodyWidth = pageWidth - m.left() - m.right();
        List<VItem> items = new ArrayList<>();
        if (continues && current.hasContent) {
            // Space between the section before and this one, unless this one starts a new page.
            items.add(new VItem.VGlue(sectionGap));
        }
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
        finishPage(true);
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

    /** The index of the last item that shows something (-1 if none): a visible box, columns or a fixed page. */
    private static int lastContent(List<VItem> items) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i) instanceof VItem.VBox b ? b.visible()
                    : items.get(i) instanceof VItem.VColumns || items.get(i) instanceof VItem.VFixedPage
                            || items.get(i) instanceof VItem.VSplitRow) {
                return i;
            }
        }
        return -1;
    }

    /** Flows {@code items} through columns; {@code moreAfter}: the section goes on after them. */
    private void flowColumns(List<VItem> items, int count, double gap, double columnWidth, boolean moreAfter) {
        List<VItem> list = items;
        int index = 0;
        boolean first = true;
        while (index < list.size()) {
            if (ColumnFiller.skipDiscardable(list, index) >= list.size()) {
                cursor += glue(list, index);
                return;
            }
            ensurePage();
            if (first && current.hasContent) {
                // Space at the start of a run that goes on down a page keeps its height; at the
                // top of a page it vanishes, as all glue does.
                cursor += glue(list.subList(0, ColumnFiller.skipDiscardable(list, index)), 0);
            }
            first = false;
            Margins m = current.master.margins();
            double top = cursor;
            double height = pageHeight - m.bottom() - top;
            ColumnFiller.Filled filled = ColumnFiller.fillColumns(list, index, count, height);
            ColumnFiller.Fill firstFill = filled.fills().getFirst();
            if (firstFill.stuck()) {
                if (current.hasContent) {
                    finishPage(false);
                    continue;
                }
                tooTall(filled.items(), firstFill, height);
                list = filled.items();
                index = firstFill.next();
                continue;
            }
            boolean allFit = filled.fitsAll() && !filled.anyNewPage();
            if (allFit && count > 1) {
                filled = ColumnFiller.fillColumns(list, index, count, ColumnFiller.balance(list, index, count, height));
            }
            list = filled.items();
            double used = 0;
            ColumnFiller.Fill last = filled.last();
            for (int c = 0; c < filled.fills().size(); c++) {
                // A column ends at a foot when reading goes on in the next column or page, not
                // when the flow simply ends and the page goes on below it.
                boolean foot = c < filled.fills().size() - 1 || last.newPage() || !allFit;
                // Its section goes on after it (not only other sections on later pages).
                boolean goesOn = foot && (lastContent(list) >= filled.fills().get(c).end() || moreAfter);
                used = Math.max(used, placeColumn(list, filled.fills().get(c), m.left() + c * (columnWidth + gap), top,
                        goesOn, count == 1));
            }
            cursor = top + used;
            // A group that did not fit in a later column starts the next page instead.
            index = last.stuck() ? last.start() : last.next();
            if (last.newPage() || !allFit) {
                finishPage(false);
            }
        }
    }

    /** Reports what cannot fit even on an empty page: one block, or a group that must stay together. */
    private void tooTall(List<VItem> items, ColumnFiller.Fill stuck, double height) {
        double tall = stuck.header() == null ? 0 : stuck.header().height();
        VItem.VBox first = null;
        String kind = null;
        int visible = 0;
        for (int i = stuck.start(); i < Math.min(stuck.next(), items.size()); i++) {
            VItem.VBox b = switch (items.get(i)) {
                case VItem.VBox box -> box;
                case VItem.VSplitRow r -> SplitRows.whole(r);
                default -> null;
            };
            if (b != null) {
                // The section's bookmark box has no extent; name the first block that has one.
                first = first == null && b.visible() ? b : first;
                kind = kind == null && b.visible() ? b.kind() : kind;
                visible += b.visible() ? 1 : 0;
                tall += b.height();
            } else if (items.get(i) instanceof VItem.VGlue g) {
                tall += g.height();
            }
        }
        // One block held to what comes before it only by the section's start is a block, not a group.
        boolean group = stuck.kept() && visible > 1;
        String element = kind == null ? "block" : "<" + kind + ">";
        String what = group ? "content of section '%s' that must stay together (a heading with what follows it, "
                + "or the first or last lines of a paragraph) is %.0fpt tall but a page holds only %.0fpt"
                : "a " + element + " of section '%s' is %.0fpt tall but a page holds only %.0fpt";
        diagnostics.error(first != null ? first.where() : section.where(),
                String.format(Locale.ROOT, what, section.id(), tall, height), hint(group ? null : kind));
    }

    /** What to do about a block too tall for a page, by the element it is. */
    private String hint(String kind) {
        String layout = layoutName();
        String flows = "or set the section with a layout whose text flows across pages, such as 'article'";
        return switch (kind == null ? "" : kind) {
            case "row" -> "a <row> never breaks across pages: give the row in layout '" + layout
                    + "' split=\"true\" so its cells flow on side by side, " + flows;
            case "panel", "quote" -> "a <" + kind + "> never breaks across pages: shorten what it holds, "
                    + "or set long text outside it in layout '" + layout + "', " + flows;
            case "keep-together" -> "the block is marked keep-together in layout '" + layout
                    + "': remove that so it can break across pages, or shorten it";
            case "table row", "table head" -> "a table row never breaks across pages: shorten its cells, "
                    + "or split it into several rows";
            case "grid" -> "a row of a <grid> never breaks across pages: shorten its cells";
            case "" -> "shorten the text, or give the paragraph a larger box in the layout";
            default -> "shorten it, or make its image or panel smaller in layout '" + layout + "'";
        };
    }

    private String layoutName() {
        String t = section.template();
        String name = t.substring(t.lastIndexOf('/') + 1);
        return name.endsWith(".ftlx") ? name.substring(0, name.length() - 5) : name;
    }

    /**
     * Places a column's boxes; its first visible box is marked as the column's top, its last as its
     * foot if {@code foot} (reading goes on in another column or page of the section).
     */
    private double placeColumn(List<VItem> items, ColumnFiller.Fill fill, double x, double top, boolean foot,
            boolean single) {
        int firstBox = -1;
        int lastBox = -1;
        for (int i = fill.start(); i < fill.end(); i++) {
            if (items.get(i) instanceof VItem.VBox box && box.visible()) {
                firstBox = firstBox < 0 ? i : firstBox;
                lastBox = i;
            }
        }
        double y = top;
        List<VItem.VBox> placed = new ArrayList<>();
        if (fill.header() != null) {
            current.flow(new PageDraft.Placed(fill.header(), x, y, single, false, section.id(), section.feather()));
            placed.add(fill.header());
            y += fill.header().height();
        }
        boolean gap = false;
        for (int i = fill.start(); i < fill.end(); i++) {
            VItem item = items.get(i);
            if (item instanceof VItem.VBox unmarked) {
                VItem.VBox box = i == firstBox || i == lastBox
                        ? unmarked.inColumn(i == firstBox && fill.header() == null, i == lastBox && foot) : unmarked;
                current.flow(new PageDraft.Placed(box, x, y, single, gap && !placed.isEmpty(), section.id(),
                        section.feather()));
                if (box.visible()) {
                    firstPage.putIfAbsent(section.id(), current.index);
                }
                placed.add(box);
                y += box.height();
                gap = false;
            } else if (item instanceof VItem.VGlue glue) {
                y += glue.height();
                // Space between blocks, where the column could break: not a heading's space
                // above the text it is kept with.
                gap = i > fill.start() && items.get(i - 1) instanceof VItem.VBox;
            }
        }
        return fill.used();
    }

    private static double glue(List<VItem> items, int from) {
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
            finishPage(false);
        }
        PageDraft page = new PageDraft(pages.size(), f.page().master(), section.id(), section.title(), true,
                f.page().background());
        add(page);
        frames.place(f.page(), page, pageWidth, pageHeight, bleed);
    }

    private MasterSpec master() {
        return current != null ? current.master : section.master();
    }

    private void ensurePage() {
        if (current == null) {
            current = new PageDraft(pages.size(), section.master(), section.id(), section.title(), false,
                    section.master().background());
            add(current);
            cursor = section.master().margins().top();
        }
    }

    /**
     * Adds a page, unless the brochure already has as many as a build may make: then the build
     * stops here, at the section that asked for one page too many (a layout writing thousands of
     * page breaks would otherwise run until memory runs out).
     */
    private void add(PageDraft page) {
        if (pages.size() >= maxPages) {
            throw tooManyPages(pages.size() + 1);
        }
        pages.add(page);
    }

    private BrochureException tooManyPages(long reached) {
        return BrochureException.of(section.where(), "the brochure would have more than " + maxPages
                + " pages (with this section, at least " + reached + ")", "a brochure has tens of pages: look for a"
                + " layout that writes a <page-break/> in a loop, or content far longer than meant");
    }

    /**
     * The fewest pages a section's {@code blocks} take: one per fixed page, one per page break
     * that follows something (breaks in a row make one). Used to refuse a hopeless section before
     * setting it.
     */
    static long leastPages(List<Block> blocks) {
        long pages = 0;
        boolean after = false;
        for (Block b : blocks) {
            switch (b) {
                case Block.PageBreak pageBreak -> {
                    pages += after ? 1 : 0;
                    after = false;
                    continue;
                }
                case Block.FixedPage fixed -> pages++;
                default -> { } // breaks inside columns and panels break nothing (BlockBuilder)
            }
            after = true;
        }
        return pages;
    }

    /** Finishes the current page; {@code sectionEnd} when it ends because its last section ended. */
    private void finishPage(boolean sectionEnd) {
        if (current != null && !current.fixed) {
            realize(current, sectionEnd);
        }
        if (current != null && !current.hasContent && !current.fixed) {
            pages.remove(current);
        }
        current = null;
    }

    /**
     * Places the flow of a finished page: the gaps between blocks of sections that feather take
     * the space left at the foot, each at most by its section's {@code feather}; then what grows
     * takes the rest, shared by weight. A section ending on the page is judged on its content
     * and its pictures as grown (not on grown space or panels).
     */
    private void realize(PageDraft page, boolean sectionEnd) {
        Margins m = page.master.margins();
        double top = m.top();
        double bottom = pageHeight - m.bottom();
        List<PageDraft.Placed> flow = page.flow;
        double contentBottom = Double.NaN;
        PageDraft.Placed lastVisible = null;
        for (PageDraft.Placed p : flow) {
            if (p.box().visible()) {
                contentBottom = Double.isNaN(contentBottom) ? p.bottom() : Math.max(contentBottom, p.bottom());
                lastVisible = p;
            }
        }
        double free = Double.isNaN(contentBottom) ? 0 : bottom - contentBottom;
        double[] grow = new double[flow.size()];
        double[] feather = new double[flow.size()];
        // First the gaps between blocks of sections that feather, each by at most the section's
        // limit; then what grows takes the rest, by weight.
        int gaps = 0;
        for (PageDraft.Placed p : flow) {
            gaps += p.single() && p.gapBefore() && p.feather() > 0 ? 1 : 0;
        }
        if (free > 0.5 && gaps > 0) {
            double each = free / gaps;
            for (int i = 0; i < flow.size(); i++) {
                PageDraft.Placed p = flow.get(i);
                if (p.single() && p.gapBefore() && p.feather() > 0) {
                    feather[i] = Math.min(p.feather(), each);
                    free -= feather[i];
                }
            }
        }
        double inkGrowth = 0;
        double weights = 0;
        for (PageDraft.Placed p : flow) {
            weights += p.single() && p.box().grow() != null ? p.box().grow().weight() : 0;
        }
        if (free > 0.5 && weights > 0) {
            for (int i = 0; i < flow.size(); i++) {
                PageDraft.Placed p = flow.get(i);
                if (p.single() && p.box().grow() != null && p.box().grow().weight() > 0) {
                    grow[i] = free * p.box().grow().weight() / weights;
                    inkGrowth += p.box().grow().ink() ? grow[i] : 0;
                }
            }
        }
        double shift = 0;
        for (int i = 0; i < flow.size(); i++) {
            PageDraft.Placed p = flow.get(i);
            shift += feather[i];
            VItem.VBox box = grow[i] > 0 ? p.box().grow().taller().apply(grow[i]) : p.box();
            markers.addAll(page.place(box, p.x(), p.y() + shift));
            shift += grow[i];
        }
        if (sectionEnd && lastVisible != null) {
            judge(page, flow, lastVisible, (contentBottom - top + inkGrowth) / (bottom - top));
        }
    }

    /** Warns about a section's last page that is left mostly empty, or that only a few lines spilled onto. */
    private void judge(PageDraft page, List<PageDraft.Placed> flow, PageDraft.Placed lastVisible, double full) {
        String id = lastVisible.section();
        int started = firstPage.getOrDefault(id, page.index);
        boolean alone = flow.stream().filter(p -> p.box().visible()).allMatch(p -> p.section().equals(id));
        SourceLocation where = section.id().equals(id) && lastVisible.box().where().file().equals(section.where().file())
                ? lastVisible.box().where() : section.id().equals(id) ? section.where() : lastVisible.box().where();
        int percent = (int) Math.round(full * 100);
        if (started < page.index && alone && full < SPILL) {
            long lines = flow.stream().filter(p -> p.box().line() != null).count();
            diagnostics.warning(where, String.format(Locale.ROOT,
                    "section '%s' spills onto page %d: %s fill only %d%% of its type area", id, page.index + 1,
                    lines > 0 ? lines + (lines == 1 ? " line" : " lines") : "its last blocks", percent),
                    "shorten the section" + (lines > 0 ? " by about " + lines + (lines == 1 ? " line" : " lines") : "")
                            + ", or make room on the page before (a smaller image, less space)");
        } else if (full < UNDERFULL) {
            diagnostics.warning(where, String.format(Locale.ROOT,
                    "section '%s' ends on page %d and leaves it %d%% empty: its content fills %d%% of the type area",
                    id, page.index + 1, 100 - percent, percent),
                    "let the next section continue on this page ('start: continue' in its YAML file), add content, "
                            + "or mark an image, panel or spacer of the layout grow=\"1\" to fill the page");
        }
    }
}
