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

    /**
     * A warning for every placed line wider than its measure, naming the content it shows; an error
     * for one whose glyphs run off the page, where no reader would see them: a word or a run of
     * text with no place to break that is longer than the page is wide. (A line's glyph runs follow
     * its {@link PageItem.TextLine} on the page, on its baseline.)
     */
    private static void warnOverfull(TypesetDocument document, Diagnostics diagnostics) {
        for (Page page : document.pages()) {
            PageItem.TextLine line = null;
            double left = 0;
            double right = 0;
            for (PageItem item : page.items()) {
                if (item instanceof PageItem.TextLine next) {
                    report(line, left, right, page, diagnostics);
                    line = next;
                    left = next.x();
                    right = next.x();
                } else if (item instanceof PageItem.GlyphRun run && line != null
                        && Math.abs(run.baseline() - line.baseline()) < 0.01) {
                    left = Math.min(left, run.x());
                    right = Math.max(right, run.x() + run.width());
                }
            }
            report(line, left, right, page, diagnostics);
        }
    }

    private static void report(PageItem.TextLine line, double left, double right, Page page, Diagnostics diagnostics) {
        if (line == null || !line.overfull()) {
            return;
        }
        String wider = String.format(Locale.ROOT, "a line is %.1fpt wider than its %.1fpt measure",
                line.width() - line.measure(), line.measure());
        if (left < -PageItem.TextLine.OVERFULL_TOLERANCE
                || right > page.width() + PageItem.TextLine.OVERFULL_TOLERANCE) {
            diagnostics.error(line.paragraph().where(), wider + " and runs off page " + page.number() + " (\""
                            + line.paragraph().preview() + "\"): it holds a word or run of text with no place to break",
                    "break the text with spaces or hyphens, shorten it, or widen its box; words longer than "
                            + "64 letters are never hyphenated");
        } else {
            diagnostics.warning(line.paragraph().where(), wider,
                    "a long word or address does not fit; shorten it or widen its box");
        }
    }
}
