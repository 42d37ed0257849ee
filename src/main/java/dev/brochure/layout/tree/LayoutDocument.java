package dev.brochure.layout.tree;

import dev.brochure.vocab.DocumentInfo;
import dev.brochure.vocab.Theme;
import java.util.List;

/** The layout stage's result: the document's sections as layout trees, with the theme they use. */
public record LayoutDocument(DocumentInfo info, Theme theme, List<LayoutSection> sections) {

    public LayoutDocument {
        sections = List.copyOf(sections);
    }
}
