package dev.brochure.inspect.verify;

import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.inspect.Inspector;
import dev.brochure.inspect.OffPage;
import dev.brochure.inspect.PdfFiles;
import dev.brochure.inspect.report.FontInfo;
import dev.brochure.inspect.report.GlyphProblem;
import dev.brochure.inspect.report.ImageInfo;
import dev.brochure.inspect.report.InspectReport;
import dev.brochure.inspect.report.LinkInfo;
import dev.brochure.inspect.report.OffPageText;
import dev.brochure.inspect.report.OutlineItem;
import dev.brochure.inspect.report.ReportText;
import dev.brochure.inspect.report.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * {@code brochure verify}: inspects a PDF and judges the report by the {@link Rule}s, so that a
 * release whose brochure is broken fails in CI. Every failure is one line that says where
 * (page, font, image, link, content file and line) and what is wrong.
 */
public final class Verifier {

    private static final int EXCERPT = 60;

    private Verifier() {
    }

    public static VerifyResult verify(Path file, VerifyOptions options) {
        try (PDDocument document = PdfFiles.open(file)) {
            InspectReport report = Inspector.inspect(document, file);
            List<Rule> checked = new ArrayList<>(List.of(Rule.PAGES, Rule.FONT_EMBEDDED, Rule.MISSING_GLYPH,
                    Rule.IMAGE_RESOLUTION, Rule.LINK_TARGET, Rule.TEXT_ON_PAGE));
            List<Failure> failures = new ArrayList<>();
            if (report.pages().isEmpty()) {
                failures.add(new Failure(Rule.PAGES, "the PDF has no pages"));
            }
            fonts(report, failures);
            glyphs(report, failures);
            images(report, options.minPpi(), failures);
            links(report, failures);
            for (OffPageText off : report.textOutside()) {
                failures.add(new Failure(Rule.TEXT_ON_PAGE, "page " + off.page() + ": " + off.glyphs()
                        + (off.glyphs() == 1 ? " glyph is" : " glyphs are") + " drawn outside the page, where no reader"
                        + " sees them" + (off.text().isEmpty() ? "" : ": " + excerpt(off.text(), 0))));
            }
            if (options.expectedText() != null) {
                checked.add(Rule.CONTENT_TEXT);
                text(extract(document, file), options.expectedText(), failures);
            }
            if (options.maxBytes() != null) {
                checked.add(Rule.FILE_SIZE);
                size(report.bytes(), options.maxBytes(), failures);
            }
            return new VerifyResult(report, checked, failures);
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(file), "cannot close the PDF: " + e.getMessage(), null);
        }
    }

    private static void fonts(InspectReport report, List<Failure> failures) {
        for (FontInfo font : report.fonts()) {
            if (!font.embedded()) {
                failures.add(new Failure(Rule.FONT_EMBEDDED, String.format(Locale.ROOT,
                        "%s: font %s (%s) is not embedded; readers without it substitute another",
                        ReportText.pageList(font.pages()), font.name(), font.type())));
            }
        }
    }

    private static void glyphs(InspectReport report, List<Failure> failures) {
        for (GlyphProblem p : report.glyphProblems()) {
            String character = p.unicode() == null ? "" : " " + ReportText.quoted(p.unicode());
            String times = p.count() == 1 ? "" : " (" + p.count() + " times)";
            String what = GlyphProblem.NOTDEF.equals(p.problem())
                    ? "has no glyph for code " + ReportText.hex(p.code()) + character + ": it shows as an empty box"
                    : "maps code " + ReportText.hex(p.code()) + " to no character: it cannot be searched or copied";
            failures.add(new Failure(Rule.MISSING_GLYPH, "page " + p.page() + ": font " + p.font() + " " + what + times));
        }
    }

    private static void images(InspectReport report, double minPpi, List<Failure> failures) {
        for (ImageInfo im : report.images()) {
            if (im.placed().width() > 0 && im.placed().height() > 0 && im.ppi() < minPpi) {
                failures.add(new Failure(Rule.IMAGE_RESOLUTION, String.format(Locale.ROOT,
                        "page %d: image %s (%d x %d px, placed at %.1f x %.1f mm) is %.0f ppi, below the floor of %.0f ppi",
                        im.page(), im.name(), im.pixelWidth(), im.pixelHeight(), im.placed().widthMm(),
                        im.placed().heightMm(), Math.floor(im.ppi()), minPpi)));
            }
        }
    }

    private static void links(InspectReport report, List<Failure> failures) {
        for (LinkInfo link : report.links()) {
            if (link.target().broken()) {
                failures.add(new Failure(Rule.LINK_TARGET, "page " + link.page() + ": link" + broken(link.target())));
            }
        }
        outline(report.outline(), failures);
    }

    private static void outline(List<OutlineItem> items, List<Failure> failures) {
        for (OutlineItem item : items) {
            if (item.target().broken()) {
                failures.add(new Failure(Rule.LINK_TARGET, "bookmark '" + item.title() + "'" + broken(item.target())));
            }
            outline(item.children(), failures);
        }
    }

    /** " to where: why", or ": why" when the target does not even say where. */
    private static String broken(Target target) {
        String where = ReportText.destination(target);
        return (where.isEmpty() ? "" : " to " + where) + ": " + target.problem();
    }

    /** The text PDFBox extracts, leaving out glyphs drawn outside their page: no reader sees those. */
    private static final class OnPageText extends PDFTextStripper {
        @Override
        protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                throws IOException {
            if (!OffPage.outside(textRenderingMatrix, displacement, getCurrentPage().getMediaBox())) {
                super.showGlyph(textRenderingMatrix, font, code, displacement);
            }
        }
    }

    private static String extract(PDDocument document, Path file) {
        try {
            PDFTextStripper stripper = new OnPageText();
            // Content-stream order follows the typesetter's reading order, columns included.
            stripper.setSortByPosition(false);
            return stripper.getText(document);
        } catch (IOException | RuntimeException e) {
            throw BrochureException.of(SourceLocation.of(file), "cannot extract the PDF's text (" + e.getMessage() + ")",
                    "the file is damaged; build it again");
        }
    }

    private static void text(String extracted, List<ExpectedText> expected, List<Failure> failures) {
        TextSearch search = new TextSearch(extracted);
        for (ExpectedText unit : expected) {
            TextSearch.Normalized normalized = TextSearch.normalize(unit.text());
            TextSearch.Match match = search.find(normalized);
            if (!match.found()) {
                String source = normalized.source();
                String message = unit.origin() + ": text not found in the PDF: " + excerpt(source, 0);
                if (match.foundUpTo() > 0) {
                    message += "; it stops matching at " + excerpt(source, match.foundUpTo());
                }
                failures.add(new Failure(Rule.CONTENT_TEXT, message, unit.origin()));
            }
        }
    }

    private static String excerpt(String text, int from) {
        String rest = text.substring(from).strip().replaceAll("\\s+", " ");
        String head = rest.length() <= EXCERPT ? rest : rest.substring(0, EXCERPT).strip() + "...";
        return "\"" + (from > 0 ? "..." : "") + head + "\"";
    }

    private static void size(long bytes, long budget, List<Failure> failures) {
        if (bytes > budget) {
            failures.add(new Failure(Rule.FILE_SIZE, String.format(Locale.ROOT,
                    "the file is %s (%d bytes), over the budget of %s (%d bytes)",
                    ReportText.size(bytes), bytes, ReportText.size(budget), budget)));
        }
    }
}
