package dev.brochure.typeset;

import dev.brochure.diag.Diagnostics;
import dev.brochure.diag.Staged;
import dev.brochure.world.Workspace;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.typeset.flow.Composition;
import dev.brochure.typeset.flow.SharedSections;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.typeset.quality.TypographyReport;
import java.util.List;
import java.util.Locale;

/**
 * The typeset stage: from the layout tree to finished pages of positioned glyphs, images and
 * shapes, in points. Every problem (a block too tall for a page, a character with no glyph) and
 * every warning (an overfull line) is returned with the result.
 */
public final class Typesetter {

    /** The typeset document and how well the text came out. */
    public record Result(TypesetDocument document, TypographyReport typography) {
    }

    private Typesetter() {
    }

    /** Typesets with the fonts and hyphenation patterns of {@code workspace}. */
    public static Staged<Result> typeset(LayoutDocument layout, TypesetOptions options, Workspace workspace) {
        Diagnostics diagnostics = new Diagnostics();
        TypesetDocument document = Composition.compose(layout, options, workspace, diagnostics);
        warnOverfull(document, diagnostics);
        return diagnostics.result(new Result(document, TypographyReport.of(document, options.lineBreaker().name())));
    }

    /**
     * Typesets one copy of a batch, reusing the lines and boxes of {@code shared} sections that
     * an earlier copy set. No typography report is made: copies are not reviewed one by one.
     */
    public static Staged<TypesetDocument> typesetCopy(LayoutDocument layout, TypesetOptions options,
            Workspace workspace, SharedSections shared) {
        Diagnostics diagnostics = new Diagnostics();
        TypesetDocument document = Composition.compose(layout, options, workspace, diagnostics, shared);
        warnOverfull(document, diagnostics);
        return diagnostics.result(document);
    }

    /** A warning for every placed line wider than its measure, naming the content it shows. */
    private static void warnOverfull(TypesetDocument document, Diagnostics diagnostics) {
        for (Page page : document.pages()) {
            for (PageItem item : page.items()) {
                if (item instanceof PageItem.TextLine line && line.overfull()) {
                    diagnostics.warning(line.paragraph().where(), String.format(Locale.ROOT,
                            "a line is %.1fpt wider than its %.1fpt measure", line.width() - line.measure(),
                            line.measure()), "a long word or address does not fit; shorten it or widen its box");
                }
            }
        }
    }
}
