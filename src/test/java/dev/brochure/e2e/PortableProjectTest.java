package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.cli.Main;
import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A content folder can leave the checkout. The rule (README, "Images and fonts"): an image or font
 * is looked up in the content folder, then beside it; the built-in theme's fonts are inside the
 * tool. So the OPTML brochure builds to the same bytes wherever its three folders are copied, and
 * a brochure of three lines builds anywhere with no font of its own.
 */
class PortableProjectTest {

    @TempDir
    Path temp;

    private static byte[] repoBuild() throws IOException {
        return Files.readAllBytes(BuiltBrochure.OPTML.pdf());
    }

    private static byte[] build(Path content, Path pdf) throws IOException {
        new Pipeline(Map.of()).build(BuildRequest.of(content, pdf));
        return Files.readAllBytes(pdf);
    }

    @Test
    void theContentWithItsImagesAndFontsBesideItBuildsTheSameBytesAnywhere() throws IOException {
        Path elsewhere = temp.resolve("somewhere/else");
        TestProject.copyTree(TestProject.REPO.resolve("brochure-content"), elsewhere.resolve("brochure-content"));
        TestProject.copyTree(TestProject.REPO.resolve("images"), elsewhere.resolve("images"));
        TestProject.copyTree(TestProject.REPO.resolve("fonts"), elsewhere.resolve("fonts"));
        assertArrayEquals(repoBuild(), build(elsewhere.resolve("brochure-content"), temp.resolve("copy.pdf")));
    }

    @Test
    void imagesAndFontsInsideTheContentFolderWorkToo() throws IOException {
        Path content = temp.resolve("project");
        TestProject.copyTree(TestProject.REPO.resolve("brochure-content"), content);
        TestProject.copyTree(TestProject.REPO.resolve("images"), content.resolve("images"));
        TestProject.copyTree(TestProject.REPO.resolve("fonts"), content.resolve("fonts"));
        assertArrayEquals(repoBuild(), build(content, temp.resolve("inside.pdf")));
    }

    @Test
    void aThreeLineBrochureInAnEmptyFolderBuildsWithTheBuiltInTheme() throws IOException {
        Path content = temp.resolve("just-text");
        Files.createDirectories(content.resolve("sections"));
        Files.writeString(content.resolve("brochure.yaml"), "title: Hello\nsections:\n  - sections/hello.yaml\n");
        Files.writeString(content.resolve("sections/hello.yaml"),
                "layout: article\ntitle: Hello from elsewhere\nparagraphs:\n  - A brochure with no files of its own.\n");
        Path pdf = temp.resolve("hello.pdf");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // The command line, run from a folder unrelated to the project.
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), new Pipeline(Map.of(), TestProject.REPO),
                "build", "--content", content.toString(), "-o", pdf.toString());
        assertEquals(0, code, err.toString());
        assertEquals(List.of(), List.of(temp.resolve("fonts"), temp.resolve("images")).stream()
                .filter(Files::exists).toList(), "no fonts/ or images/ anywhere near");
        try (PDDocument doc = PdfFiles.open(pdf)) {
            String text = PdfFiles.text(doc);
            assertTrue(text.contains("Hello from elsewhere"), text);
            assertTrue(text.contains("A brochure with no files of its own."), text);
            TreeSet<String> fonts = new TreeSet<>();
            for (PDFont font : PdfFiles.fonts(doc)) {
                assertTrue(font.isEmbedded(), font.getName());
                fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
            }
            assertTrue(fonts.contains("Vollkorn-Regular") && fonts.contains("Lato-Bold"), fonts.toString());
        }
    }
}
