package dev.brochure.typeset;

import dev.brochure.diag.Diagnostics;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.typeset.flow.Composition;
import dev.brochure.typeset.page.TypesetDocument;
import java.util.List;

/**
 * The typeset stage: from the layout tree to finished pages of positioned glyphs, images and
 * shapes, in points. Problems (a block too tall for a page, a character with no glyph) are
 * reported together; warnings (an overfull line) are returned with the result.
 */
public final class Typesetter {

    /** The typeset document and the warnings typesetting raised. */
    public record Result(TypesetDocument document, List<dev.brochure.diag.Diagnostic> warnings) {
    }

    private Typesetter() {
    }

    public static Result typeset(LayoutDocument layout, TypesetOptions options) {
        Diagnostics diagnostics = new Diagnostics();
        TypesetDocument document = Composition.compose(layout, options, diagnostics);
        diagnostics.throwIfErrors();
        return new Result(document, diagnostics.warnings());
    }
}
