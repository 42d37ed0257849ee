package dev.brochure.inspect.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which pages to preview, as written on the command line: {@code 1-3,7}, {@code 5-} (page 5 to
 * the end) or {@code all}. Pages count from 1; the pages are previewed in order, each once.
 */
public record PageSelection(List<Range> ranges) {

    /** Pages {@code first} to {@code last}; {@code last} is 0 for "to the end". */
    public record Range(int first, int last) {
    }

    public static final PageSelection ALL = new PageSelection(List.of(new Range(1, 0)));

    private static final Pattern RANGE = Pattern.compile("(\\d{1,6})(?:(-)(\\d{1,6})?)?");

    public PageSelection {
        ranges = List.copyOf(ranges);
    }

    /** Parses a selection; the message of the exception says what is wrong with it. */
    public static PageSelection parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("all")) {
            return ALL;
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : t.split(",", -1)) {
            Matcher m = RANGE.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a page selection: expected page numbers"
                        + " and ranges such as 1-3,7 or 5- (page 5 to the end), or 'all'");
            }
            int first = Integer.parseInt(m.group(1));
            int last = m.group(2) == null ? first : m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (first < 1 || (last != 0 && last < first)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "'%s' is not a page range: pages count from 1 and a range goes forward", part.strip()));
            }
            ranges.add(new Range(first, last));
        }
        return new PageSelection(ranges);
    }

    /**
     * The selected page numbers of a document with {@code pageCount} pages, in order.
     *
     * @throws IllegalArgumentException if the selection names a page the document does not have
     */
    public List<Integer> pages(int pageCount) {
        TreeSet<Integer> pages = new TreeSet<>();
        for (Range r : ranges) {
            int last = r.last() == 0 ? pageCount : r.last();
            if (r.first() > pageCount || last > pageCount) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "page %d does not exist: the PDF has %d page%s",
                        Math.max(r.first(), last), pageCount, pageCount == 1 ? "" : "s"));
            }
            for (int p = r.first(); p <= last; p++) {
                pages.add(p);
            }
        }
        return List.copyOf(pages);
    }
}
