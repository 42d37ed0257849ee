package dev.brochure.inspect.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The inspect report for people: one section per kind of finding, sizes in millimetres, and
 * problems spelt out in capitals so that they stand out in a terminal.
 */
public final class ReportText {

    private ReportText() {
    }

    public static void write(InspectReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: PDF %s, %s, %s%s%n", r.file(), r.pdfVersion(), count(r.pages().size(), "page"),
                size(r.bytes()), r.encrypted() ? ", encrypted" : "");
        metadata(r.metadata(), out);
        pages(r.pages(), out);
        fonts(r.fonts(), out);
        images(r.images(), out);
        links(r.links(), out);
        out.printf("%nOutline%s%n", r.outline().isEmpty() ? ": none" : "");
        outline(r.outline(), "  ", out);
        glyphs(r.glyphProblems(), out);
        offPage(r.textOutside(), out);
        out.flush();
    }

    private static void offPage(List<OffPageText> text, PrintWriter out) {
        out.printf("%nText outside the page%s%n", text.isEmpty() ? ": none" : "");
        for (OffPageText t : text) {
            out.printf(Locale.ROOT, "  page %-3d %s  %s%n", t.page(), count(t.glyphs(), "glyph"),
                    t.text().isEmpty() ? "" : quoted(t.text()));
        }
    }

    private static void metadata(Metadata m, PrintWriter out) {
        out.printf("%nMetadata%n");
        field("title", m.title(), out);
        field("author", m.author(), out);
        field("subject", m.subject(), out);
        field("keywords", m.keywords(), out);
        field("creator", m.creator(), out);
        field("producer", m.producer(), out);
        field("created", m.created(), out);
        field("modified", m.modified(), out);
        field("language", m.language(), out);
    }

    private static void field(String name, String value, PrintWriter out) {
        out.printf(Locale.ROOT, "  %-9s %s%n", name, value == null ? "-" : value);
    }

    /** Consecutive pages with the same boxes are shown as one line. */
    private static void pages(List<PageInfo> pages, PrintWriter out) {
        out.printf("%nPages%n");
        int i = 0;
        while (i < pages.size()) {
            PageInfo first = pages.get(i);
            int j = i + 1;
            while (j < pages.size() && sameBoxes(first, pages.get(j))) {
                j++;
            }
            String numbers = j - i == 1 ? String.valueOf(first.number()) : first.number() + "-" + pages.get(j - 1).number();
            Box finished = first.finished();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-7s %s mm%s  media %s pt",
                    numbers, mm(finished), paperName(finished), pt(first.mediaBox())));
            line.append("  trim ").append(first.trimBox() == null ? "-" : pt(first.trimBox()));
            line.append("  bleed ").append(first.bleedBox() == null ? "-" : pt(first.bleedBox()));
            if (first.rotation() != 0) {
                line.append("  rotated ").append(first.rotation());
            }
            out.println(line);
            i = j;
        }
    }

    private static boolean sameBoxes(PageInfo a, PageInfo b) {
        return a.rotation() == b.rotation() && a.mediaBox().equals(b.mediaBox()) && equal(a.cropBox(), b.cropBox())
                && equal(a.trimBox(), b.trimBox()) && equal(a.bleedBox(), b.bleedBox());
    }

    private static boolean equal(Box a, Box b) {
        return a == null ? b == null : a.equals(b);
    }

    private static void fonts(List<FontInfo> fonts, PrintWriter out) {
        out.printf("%nFonts%s%n", fonts.isEmpty() ? ": none" : "");
        int width = fonts.stream().mapToInt(f -> f.name().length()).max().orElse(0);
        for (FontInfo f : fonts) {
            out.printf(Locale.ROOT, "  %-" + width + "s  %-18s  %-12s  %-6s  %s%n", f.name(), f.type(),
                    f.embedded() ? "embedded" : "NOT EMBEDDED", f.subset() ? "subset" : "full",
                    pageList(f.pages()));
        }
    }

    private static void images(List<ImageInfo> images, PrintWriter out) {
        out.printf("%nImages%s%n", images.isEmpty() ? ": none" : "");
        for (ImageInfo im : images) {
            String pixels = String.format(Locale.ROOT, "%d x %d px", im.pixelWidth(), im.pixelHeight());
            String placed = String.format(Locale.ROOT, "placed %.1f x %.1f mm", im.placed().widthMm(), im.placed().heightMm());
            out.printf(Locale.ROOT, "  page %-3d %-8s %-16s %-26s %4.0f ppi  %s, %d bit, %s, %s%n", im.page(), im.name(),
                    pixels, placed, Math.floor(im.ppi()), im.colorSpace(), im.bitsPerComponent(), im.filter(),
                    size(im.bytes()));
        }
    }

    private static void links(List<LinkInfo> links, PrintWriter out) {
        out.printf("%nLinks%s%n", links.isEmpty() ? ": none" : "");
        for (LinkInfo link : links) {
            out.printf(Locale.ROOT, "  page %-3d %s%n", link.page(), target(link.target()));
        }
    }

    private static void outline(List<OutlineItem> items, String indent, PrintWriter out) {
        for (OutlineItem item : items) {
            out.printf("%s%s  %s%n", indent, item.title(), target(item.target()));
            outline(item.children(), indent + "  ", out);
        }
    }

    private static void glyphs(List<GlyphProblem> problems, PrintWriter out) {
        out.printf("%nGlyph problems%s%n", problems.isEmpty() ? ": none" : "");
        for (GlyphProblem p : problems) {
            String what = GlyphProblem.NOTDEF.equals(p.problem()) ? "NO GLYPH" : "NO UNICODE MAPPING";
            out.printf(Locale.ROOT, "  page %-3d %s  code %s%s  %s  (%s)%n", p.page(), p.font(), hex(p.code()),
                    p.unicode() == null ? "" : " " + quoted(p.unicode()), what, count(p.count(), "time"));
        }
    }

    /** How a target reads in one line: where it goes, and what is wrong with it. */
    public static String target(Target t) {
        String where = destination(t);
        where = where.isEmpty() ? "explicit destination" : where;
        return t.problem() == null ? where : where + "  BROKEN: " + t.problem();
    }

    /** Where a target goes, as far as that is known: a URI, {@code #name -> page 3}, {@code -> page 3}, or nothing. */
    public static String destination(Target t) {
        return switch (t.kind()) {
            case "uri" -> t.value() == null ? "" : t.value();
            case "named" -> "#" + t.value() + (t.page() == null ? "" : " -> page " + t.page());
            case "page" -> t.page() == null ? "" : "-> page " + t.page();
            case "remote" -> t.value() == null ? "" : "other file " + t.value();
            case "none" -> "(no destination)";
            default -> (t.kind() + " " + (t.value() == null ? "" : t.value())).strip();
        };
    }

    /** Page numbers as ranges: 1-3, 5. */
    public static String pageList(List<Integer> pages) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < pages.size()) {
            int j = i;
            while (j + 1 < pages.size() && pages.get(j + 1) == pages.get(j) + 1) {
                j++;
            }
            parts.add(i == j ? String.valueOf(pages.get(i)) : pages.get(i) + "-" + pages.get(j));
            i = j + 1;
        }
        return (pages.size() == 1 ? "page " : "pages ") + String.join(", ", parts);
    }

    public static String size(long bytes) {
        if (bytes >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        if (bytes >= 1_000) {
            return String.format(Locale.ROOT, "%.0f kB", bytes / 1e3);
        }
        return bytes + " bytes";
    }

    public static String hex(int code) {
        return String.format(Locale.ROOT, "0x%04X", code);
    }

    public static String quoted(String text) {
        StringBuilder b = new StringBuilder("'");
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || !Character.isDefined(cp)) {
                b.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append("' (U+").append(String.format(Locale.ROOT, "%04X", text.codePointAt(0))).append(')').toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String mm(Box b) {
        return String.format(Locale.ROOT, "%.1f x %.1f", b.widthMm(), b.heightMm());
    }

    private static String pt(Box b) {
        return String.format(Locale.ROOT, "%.2f x %.2f", b.width(), b.height());
    }

    /** The ISO or US name of a finished size, when it is one (to the nearest millimetre). */
    private static String paperName(Box b) {
        double w = Math.min(b.widthMm(), b.heightMm());
        double h = Math.max(b.widthMm(), b.heightMm());
        String name = near(w, h, 210, 297) ? "A4" : near(w, h, 148, 210) ? "A5" : near(w, h, 297, 420) ? "A3"
                : near(w, h, 215.9, 279.4) ? "Letter" : near(w, h, 99, 210) ? "DL" : null;
        return name == null ? "" : " (" + name + (b.width() > b.height() ? " landscape" : "") + ")";
    }

    private static boolean near(double w, double h, double refW, double refH) {
        return Math.abs(w - refW) < 1 && Math.abs(h - refH) < 1;
    }
}
