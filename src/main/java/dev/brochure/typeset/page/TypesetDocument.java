package dev.brochure.typeset.page;

import dev.brochure.vocab.DocumentInfo;
import java.util.List;

/**
 * The typeset stage's result: finished pages, bookmarks, link destinations, and the document's
 * logical structure ({@code structure}, its root), whose elements the pages' items name.
 */
public record TypesetDocument(DocumentInfo info, List<Page> pages, List<OutlineEntry> outline,
        List<Destination> destinations, StructNode structure) {

    public TypesetDocument {
        pages = List.copyOf(pages);
        outline = List.copyOf(outline);
        destinations = List.copyOf(destinations);
    }

    /** Pages made without a structure: the document's root is all there is. */
    public TypesetDocument(DocumentInfo info, List<Page> pages, List<OutlineEntry> outline,
            List<Destination> destinations) {
        this(info, pages, outline, destinations, StructNode.document(info == null ? null : info.language()));
    }
}
