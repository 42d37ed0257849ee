package dev.brochure.inspect.report;

/**
 * A character code that a page shows but its font cannot render or cannot give back as text,
 * counted per page, font and code. {@code problem}: {@code notdef} when the font has no glyph
 * for the code (viewers draw an empty box or nothing), {@code no-unicode} when the glyph exists
 * but nothing maps it to a character (search, copy and screen readers lose it). {@code unicode}
 * is the character the code stands for, when known.
 */
public record GlyphProblem(int page, String font, int code, String unicode, String problem, int count) {

    public static final String NOTDEF = "notdef";
    public static final String NO_UNICODE = "no-unicode";
}
