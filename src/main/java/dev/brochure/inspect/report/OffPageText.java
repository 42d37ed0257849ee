package dev.brochure.inspect.report;

/**
 * Text a page draws wholly outside its media box: how many glyphs, and the first of them as
 * text ({@code text} is empty when the font maps them to no characters).
 */
public record OffPageText(int page, int glyphs, String text) {

    /** The most characters of such text kept for the report. */
    public static final int SAMPLE = 60;
}
