package dev.brochure.inspect.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.BrochureException;
import dev.brochure.inspect.Inspector;
import dev.brochure.inspect.report.Box;
import dev.brochure.inspect.report.InspectReport;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.testing.TestPdfs;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryPageOfTheOptmlBrochureAndAContactSheet() throws IOException {
        Path pdf = BuiltBrochure.OPTML.pdf();
        InspectReport report = Inspector.inspect(pdf);
        Path out = dir.resolve("preview");

        PreviewResult result = Preview.write(pdf, new PreviewOptions(out, 40, PageSelection.ALL));

        int pages = report.pages().size();
        assertEquals(pages, result.documentPages());
        assertEquals(pages, result.pages().size());
        for (int i = 0; i < pages; i++) {
            Path file = result.pages().get(i);
            assertEquals(String.format("page-%03d.png", i + 1), file.getFileName().toString());
            BufferedImage image = ImageIO.read(file.toFile());
            Box media = report.pages().get(i).mediaBox();
            assertEquals(Math.round(media.width() * 40 / 72), image.getWidth(), 1);
            assertEquals(Math.round(media.height() * 40 / 72), image.getHeight(), 1);
            assertTrue(colours(image) > 2, "page " + (i + 1) + " is blank");
        }
        BufferedImage sheet = ImageIO.read(result.contactSheet().toFile());
        int columns = Math.min(ContactSheet.MAX_COLUMNS, pages);
        assertTrue(sheet.getWidth() > columns * ContactSheet.CELL_WIDTH / 2 && sheet.getWidth() < (columns + 1) * ContactSheet.CELL_WIDTH,
                "contact sheet " + sheet.getWidth() + " wide for " + columns + " columns");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(pages + 1, files.count(), "only the pages and the sheet, no temporary files");
        }
    }

    @Test
    void writesTheSelectedPagesOfAPdfAnotherToolMadeAndRemovesStaleOnes() throws IOException {
        Path pdf = TestPdfs.wellMade(dir.resolve("leaflet.pdf"));
        Path out = dir.resolve("preview");
        Files.createDirectories(out);
        Files.writeString(out.resolve("page-009.png"), "left over from a longer document");
        Files.writeString(out.resolve("notes.txt"), "not ours");

        PreviewResult result = Preview.write(pdf, new PreviewOptions(out, 72, PageSelection.parse("2")));

        assertEquals(List.of(out.resolve("page-002.png")), result.pages());
        BufferedImage page = ImageIO.read(out.resolve("page-002.png").toFile());
        assertEquals(TestPdfs.TRIM_WIDTH + 2 * TestPdfs.BLEED, page.getWidth(), 1);
        assertEquals(TestPdfs.TRIM_HEIGHT + 2 * TestPdfs.BLEED, page.getHeight(), 1);
        assertFalse(Files.exists(out.resolve("page-009.png")));
        assertTrue(Files.exists(out.resolve("notes.txt")));
        assertTrue(Files.exists(out.resolve(Preview.CONTACT_SHEET)));
    }

    @Test
    void rendersTheSamePixelsEveryTime() throws IOException {
        Path pdf = TestPdfs.wellMade(dir.resolve("leaflet.pdf"));
        Preview.write(pdf, new PreviewOptions(dir.resolve("a"), 50, PageSelection.ALL));
        Preview.write(pdf, new PreviewOptions(dir.resolve("b"), 50, PageSelection.ALL));
        for (String name : List.of("page-001.png", "page-002.png", Preview.CONTACT_SHEET)) {
            assertEquals(-1, Files.mismatch(dir.resolve("a").resolve(name), dir.resolve("b").resolve(name)), name);
        }
    }

    @Test
    void aPageThePdfDoesNotHaveIsAnErrorBeforeAnythingIsWritten() {
        Path pdf = TestPdfs.wellMade(dir.resolve("leaflet.pdf"));
        Path out = dir.resolve("preview");
        BrochureException e = assertThrows(BrochureException.class,
                () -> Preview.write(pdf, new PreviewOptions(out, 50, PageSelection.parse("1-3"))));
        assertEquals("page 3 does not exist: the PDF has 2 pages", e.diagnostics().getFirst().message());
        assertFalse(Files.exists(out));
    }

    private static long colours(BufferedImage image) {
        return java.util.stream.IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth())).distinct().limit(10).count();
    }
}
