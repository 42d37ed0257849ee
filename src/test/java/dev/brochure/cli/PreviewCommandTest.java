package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.testing.BuiltBrochure;
import dev.brochure.testing.TestPdfs;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {

    @TempDir
    Path dir;

    @Test
    void rendersTheChosenPagesAtTheChosenResolution() throws IOException {
        Path out = dir.resolve("png");
        CliRun run = CliRun.of("preview", BuiltBrochure.OPTML.pdf().toString(), "--out", out.toString(), "--dpi", "36", "--pages", "1");
        assertEquals(ExitCode.OK, run.code(), run.toString());
        assertTrue(run.out().startsWith("wrote 1 page image and contact-sheet.png to " + out + " (36 dpi)"), run.out());
        BufferedImage page = ImageIO.read(out.resolve("page-001.png").toFile());
        assertEquals(Math.round(BuiltBrochure.OPTML.content().info().paper().width() / 2), page.getWidth(), 1);
        assertTrue(Files.exists(out.resolve("contact-sheet.png")));
        assertFalse(Files.exists(out.resolve("page-002.png")));
    }

    @Test
    void buildsFirstWithBuild() {
        Path pdf = dir.resolve("built.pdf");
        Path out = dir.resolve("png");
        CliRun run = CliRun.of("preview", pdf.toString(), "--build", "--content", BuiltBrochure.OPTML.folder().toString(),
                "--out", out.toString(), "--dpi", "20");
        assertEquals(ExitCode.OK, run.code(), run.toString());
        assertTrue(run.out().startsWith("wrote " + pdf), run.out());
        assertTrue(Files.exists(pdf));
        assertTrue(Files.exists(out.resolve("page-001.png")));
    }

    @Test
    void badSelectionsAndResolutionsAreUsageErrors() {
        Path pdf = TestPdfs.wellMade(dir.resolve("leaflet.pdf"));
        CliRun backwards = CliRun.of("preview", pdf.toString(), "--out", dir.resolve("a").toString(), "--pages", "3-1");
        assertEquals(ExitCode.USAGE, backwards.code(), backwards.toString());
        assertTrue(backwards.err().contains("'3-1' is not a page range"), backwards.err());
        CliRun huge = CliRun.of("preview", pdf.toString(), "--out", dir.resolve("a").toString(), "--dpi", "5000");
        assertEquals(ExitCode.USAGE, huge.code(), huge.toString());
        assertTrue(huge.err().contains("--dpi must be from 10 to 600"), huge.err());
        assertFalse(Files.exists(dir.resolve("a")));
    }

    @Test
    void aPageThePdfDoesNotHaveIsAUserError() {
        Path pdf = TestPdfs.wellMade(dir.resolve("leaflet.pdf"));
        CliRun run = CliRun.of("preview", pdf.toString(), "--out", dir.resolve("a").toString(), "--pages", "2-9");
        assertEquals(ExitCode.USER_ERROR, run.code(), run.toString());
        assertTrue(run.err().startsWith(pdf + ": error: page 9 does not exist: the PDF has 2 pages"), run.err());
    }
}
