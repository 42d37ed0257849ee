package dev.brochure.inspect.report;

import java.util.List;

/**
 * What {@code brochure inspect} finds in a PDF: its metadata, pages and their boxes, the fonts
 * that show text, every placed image, links, the outline, glyphs that cannot be shown or
 * extracted, and text drawn outside its page. Immutable; rendered as text ({@link ReportText}) or JSON ({@link ReportJson}).
 * Positions and sizes are PDF points (1/72 inch); pages count from 1.
 */
public record InspectReport(
        String file,
        long bytes,
        String pdfVersion,
        boolean encrypted,
        Metadata metadata,
        List<PageInfo> pages,
        List<FontInfo> fonts,
        List<ImageInfo> images,
        List<LinkInfo> links,
        List<OutlineItem> outline,
        List<GlyphProblem> glyphProblems,
        List<OffPageText> textOutside) {

    /** The JSON document's {@code schema} value; changes whenever the JSON shape changes. */
    public static final String SCHEMA = "brochure-inspect/2";

    public InspectReport {
        pages = List.copyOf(pages);
        fonts = List.copyOf(fonts);
        images = List.copyOf(images);
        links = List.copyOf(links);
        outline = List.copyOf(outline);
        glyphProblems = List.copyOf(glyphProblems);
        textOutside = List.copyOf(textOutside);
    }
}
