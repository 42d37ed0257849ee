package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.vocab.Margins;
import dev.brochure.vocab.Paper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pages that end full (issue 14): on every inside page of the OPTML brochure (the front cover and
 * the back cover apart) the lowest thing drawn in the type area is at most 15 % of the type
 * area's height above its foot. Measured on the PDF with PDFBox: glyph outlines, images as
 * clipped, filled and stroked shapes; the running footer below the type area does not count.
 */
class OptmlPageFullnessTest {

    static final double MAX_EMPTY = 0.15;

    @TempDir
    static Path temp;

    @ParameterizedTest
    @EnumSource(value = Paper.class, names = {"A4", "LETTER"})
    void noInsidePageLeavesMoreThanFifteenPercentOfItsTypeAreaEmptyAtTheFoot(Paper paper) throws IOException {
        Path out = temp.resolve(paper + ".pdf");
        new Pipeline(Map.of()).build(BuildRequest.of(BuiltBrochure.OPTML.folder(), out).withPaper(paper));
        Margins margins = BuiltBrochure.OPTML.content().theme().masters().get("body").margins();
        List<String> table = new ArrayList<>();
        List<String> tooEmpty = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            int n = pdf.getNumberOfPages();
            assertTrue(n >= 10, "the brochure has " + n + " pages");
            for (int i = 1; i < n - 1; i++) {
                PDPage page = pdf.getPage(i);
                double height = page.getMediaBox().getHeight();
                double empty = PageFullness.emptyShare(page, margins.top(), height - margins.bottom());
                String row = String.format(Locale.ROOT, "p%d %.0f%%", i + 1, empty * 100);
                table.add(row);
                if (empty > MAX_EMPTY) {
                    tooEmpty.add(row);
                }
            }
        }
        System.out.println("empty share at the foot of the type area, " + paper + ": " + table);
        assertTrue(tooEmpty.isEmpty(), paper + ": pages more than 15 % empty at the foot: " + tooEmpty
                + " (all: " + table + ")");
    }
}
