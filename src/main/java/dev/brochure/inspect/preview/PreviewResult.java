package dev.brochure.inspect.preview;

import java.nio.file.Path;
import java.util.List;

/** What a preview wrote: one PNG per previewed page, the contact sheet, and the PDF's page count. */
public record PreviewResult(List<Path> pages, Path contactSheet, int documentPages) {

    public PreviewResult {
        pages = List.copyOf(pages);
    }
}
