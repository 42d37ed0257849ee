package dev.brochure.typeset.page;

import dev.brochure.vocab.DocumentInfo;
import java.util.List;

/** The typeset stage's result: finished pages, bookmarks and link destinations. */
public record TypesetDocument(DocumentInfo info, List<Page> pages, List<OutlineEntry> outline,
        List<Destination> destinations) {

    public TypesetDocument {
        pages = List.copyOf(pages);
        outline = List.copyOf(outline);
        destinations = List.copyOf(destinations);
    }
}
