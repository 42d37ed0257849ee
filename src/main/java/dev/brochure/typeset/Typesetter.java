package dev.brochure.typeset;

import dev.brochure.diag.Diagnostics;
import dev.brochure.world.Workspace;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.typeset.flow.Composition;
import dev.brochure.typeset.flow.TypesetStats;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.typeset.quality.TypographyReport;
import java.util.List;

/**
 * The typeset stage: from the layout tree to finished pages of positioned glyphs, images and
 * shapes, in points. Problems (a block too tall for a page, a character with no glyph) are
 * reported together; warnings (an overfull line) are returned with the result.
 */
public final class Typesetter {

    /** The typeset document, the warnings typesetting raised, and how well the text came out. */
    public record Result(TypesetDocument document, List<dev.brochure.diag.Diagnostic> warnings,
            TypographyReport typography) {
    }

    private Typesetter() {
    }

    /** Typesets with the fonts and hyphenation patterns of {@code workspace}. */
    public static Result typeset(LayoutDocument layout, TypesetOptions options, Workspace workspace) {
        Diagnostics diagnostics = new Diagnostics();
        TypesetStats stats = new TypesetStats(diagnostics);
        TypesetDocument document = Composition.compose(layout, options, workspace, diagnostics, stats);
        diagnostics.throwIfErrors();
        return new Result(document, diagnostics.warnings(), stats.report(options.lineBreaker().name()));
    }
}
