package dev.brochure.typeset;

import dev.brochure.diag.Diagnostics;
import dev.brochure.diag.Staged;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.typeset.flow.Composition;
import dev.brochure.typeset.flow.TypesetStats;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.typeset.quality.TypographyReport;

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

    public static Staged<Result> typeset(LayoutDocument layout, TypesetOptions options) {
        Diagnostics diagnostics = new Diagnostics();
        TypesetStats stats = new TypesetStats(diagnostics);
        TypesetDocument document = Composition.compose(layout, options, diagnostics, stats);
        return diagnostics.result(new Result(document, stats.report(options.lineBreaker().name())));
    }
}
