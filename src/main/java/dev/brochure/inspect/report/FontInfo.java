package dev.brochure.inspect.report;

import java.util.List;

/**
 * A font that shows text on some page. {@code name} is its BaseFont as written in the PDF (a
 * subset's name starts with six capitals and '+'); {@code type} its font type, with the
 * descendant's for composite fonts ({@code Type0/CIDFontType2}); {@code pages} where it is used.
 */
public record FontInfo(String name, String type, boolean embedded, boolean subset, List<Integer> pages) {

    public FontInfo {
        pages = List.copyOf(pages);
    }
}
