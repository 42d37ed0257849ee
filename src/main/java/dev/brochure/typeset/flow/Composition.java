package dev.brochure.typeset.flow;

import dev.brochure.vocab.Paper;
import dev.brochure.vocab.TextStyle;
import dev.brochure.vocab.Theme;
import dev.brochure.diag.Diagnostics;
import dev.brochure.world.Workspace;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.typeset.TypesetOptions;
import dev.brochure.typeset.flow.PageDraft.PlacedMarker;
import dev.brochure.typeset.page.Destination;
import dev.brochure.typeset.page.OutlineEntry;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Tag;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.typeset.text.Faces;
import dev.brochure.typeset.text.Hyphenator;
import dev.brochure.typeset.text.ParagraphBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Wires the typesetting steps for one document: blocks to vertical lists, pages, footers, outline. */
public final class Composition {

    private Composition() {
    }

    public static TypesetDocument compose(LayoutDocument layout, TypesetOptions options, Workspace workspace,
            Diagnostics diagnostics) {
        return compose(layout, options, workspace, diagnostics, SharedSections.none());
    }

    /** As {@link #compose(LayoutDocument, TypesetOptions, Workspace, Diagnostics)}, reusing the work of {@code shared} sections. */
    public static TypesetDocument compose(LayoutDocument layout, TypesetOptions options, Workspace workspace,
            Diagnostics diagnostics, SharedSections shared) {
        Theme theme = layout.theme();
        Paper paper = layout.info().paper();
        Faces faces = new Faces(workspace);
        Hyphenator hyphenator = hyphenator(layout, workspace, diagnostics);
        Structure structure = Structure.of(layout, shared);
        TextSetter text = new TextSetter(theme, new ParagraphBuilder(theme, hyphenator, faces, diagnostics),
                options.lineBreaker(), faces, structure);
        BlockBuilder builder = new BlockBuilder(theme, text, structure, diagnostics);
        // A shared section is set by a builder of its own, so that what it raises is its own to hand on.
        Function<Diagnostics, BlockBuilder> sharedBuilder = own -> new BlockBuilder(theme, new TextSetter(theme,
                new ParagraphBuilder(theme, hyphenator, faces, own), options.lineBreaker(), faces, structure), structure,
                own);
        TextStyle body = theme.styles().get("body");
        // A section that continues on the page before it is set two body lines below it.
        double sectionGap = 2 * (body == null ? 14 : body.leading());
        PageComposer composer = new PageComposer(paper.width(), paper.height(), options.bleed(), sectionGap, builder,
                diagnostics, shared, sharedBuilder);
        for (LayoutSection section : layout.sections()) {
            composer.section(section);
        }
        composer.finish();

        List<PageDraft> drafts = composer.pages();
        FooterSetter footer = new FooterSetter(theme.footer(), theme.styles().get(theme.footer().style()), text,
                layout.info().title());
        List<Page> pages = new ArrayList<>();
        for (PageDraft draft : drafts) {
            footer.add(draft, drafts.size(), paper.width(), paper.height());
            pages.add(new Page(draft.index + 1, paper.width(), paper.height(), options.bleed(), draft.background,
                    claimed(draft.items, structure.section(draft.section)), draft.section));
        }
        // Without sections, the content or layout stage has reported why; no pages follow from that.
        if (pages.isEmpty() && !layout.sections().isEmpty()) {
            diagnostics.error(layout.info().where(), "the brochure has no pages: its sections' layouts produced nothing",
                    "check that 'sections:' lists the section files and that their layouts write blocks");
        }
        List<PlacedMarker> markers = onPages(composer.markers(), pages.size());
        return new TypesetDocument(layout.info(), pages, outline(markers), destinations(markers), structure.root());
    }

    /**
     * The items with every one that no block tagged made content of its section: nothing drawn
     * is hidden from a reader because a block forgot to say what it is.
     */
    private static List<PageItem> claimed(List<PageItem> items, Tag section) {
        return items.stream().map(i -> i.tag() instanceof Tag.Unset && !(i instanceof PageItem.TextLine) ? i.tagged(section) : i)
                .toList();
    }

    /**
     * Markers on real pages. A marker left on an empty page that was dropped points at the page
     * that took the dropped one's place; at the very end (a section ending in breaks) there is
     * none, and the marker moves to the top of the last page.
     */
    private static List<PlacedMarker> onPages(List<PlacedMarker> markers, int pageCount) {
        if (pageCount == 0) {
            return List.of();
        }
        return markers.stream().map(m -> m.pageIndex() < pageCount ? m
                : new PlacedMarker(m.marker(), pageCount - 1, 0)).toList();
    }

    /** The document language's hyphenator; a warning if the theme asks for hyphenation it cannot have. */
    private static Hyphenator hyphenator(LayoutDocument layout, Workspace workspace, Diagnostics diagnostics) {
        String language = layout.info().language();
        Hyphenator hyphenator = Hyphenator.forLanguage(language, workspace).orElse(null);
        if (hyphenator == null && layout.theme().styles().values().stream().anyMatch(TextStyle::hyphenate)) {
            diagnostics.warning(layout.info().where(), "no hyphenation patterns for language '" + language
                    + "': text is set without hyphenation", "hyphenation is available for en-US (and en)");
        }
        return hyphenator;
    }

    private static List<OutlineEntry> outline(List<PlacedMarker> markers) {
        List<OutlineEntry> top = new ArrayList<>();
        PlacedMarker section = null;
        List<OutlineEntry> children = new ArrayList<>();
        for (PlacedMarker m : markers) {
            if (m.marker().level() == 0) {
                if (section != null) {
                    top.add(entry(section, children));
                }
                section = m;
                children = new ArrayList<>();
            } else if (section != null) {
                children.add(entry(m, List.of()));
            }
        }
        if (section != null) {
            top.add(entry(section, children));
        }
        return top;
    }

    private static OutlineEntry entry(PlacedMarker m, List<OutlineEntry> children) {
        return new OutlineEntry(m.marker().title(), m.pageIndex(), m.y(), children);
    }

    private static List<Destination> destinations(List<PlacedMarker> markers) {
        return markers.stream().filter(m -> m.marker().id() != null)
                .map(m -> new Destination(m.marker().id(), m.pageIndex(), m.y())).toList();
    }
}
