package dev.brochure.inspect.preview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watch}'s page images: after an edit only the pages it changed are rendered again. */
class LivePagesTest {

    private static final float DPI = 30;

    @TempDir
    Path temp;

    @Test
    void anEditRendersOnlyThePagesItChangedAndTheOthersAreWhatRenderingThemAgainGives() throws IOException {
        Path content = temp.resolve("brochure-content");
        TestProject.copyTree(TestProject.REPO.resolve(BuiltBrochure.OPTML.folder()), content);
        Pipeline pipeline = new Pipeline(Map.of());
        BuildRequest request = BuildRequest.of(content, temp.resolve("before.pdf")).withProjectRoot(TestProject.REPO);
        pipeline.build(request);
        List<LivePages.Page> before = LivePages.render(request.output(), DPI);

        // A one-line title where there were two: the cover draws one text form fewer, so the forms
        // of every later page get other names (/img101 where /img102 was) and other numbers in
        // the structure tree, although those pages draw the same.
        Path cover = content.resolve("sections/01-cover.yaml");
        Files.writeString(cover, Files.readString(cover).replace("title: An Introduction and Invitation from OPTML Group",
                "title: Lighthouse Weekend"));
        Path edited = temp.resolve("after.pdf");
        pipeline.build(new BuildRequest(request.contentDir(), request.projectRoot(), edited, null,
                request.profile(), false, 0));
        assertNotEquals(contentOf(request.output(), 2), contentOf(edited, 2), "page 2's content names its forms anew");

        List<LivePages.Page> after = LivePages.render(edited, DPI, before);
        List<LivePages.Page> anew = LivePages.render(edited, DPI);
        assertEquals(before.size(), after.size());
        assertTrue(after.getFirst().text().contains("Lighthouse Weekend"), after.getFirst().text());
        assertFalse(after.getFirst().imageId().equals(before.getFirst().imageId()), "the cover is drawn again");
        for (int i = 0; i < after.size(); i++) {
            LivePages.Page page = after.get(i);
            assertEquals(i + 1, page.number());
            if (i > 0) {
                assertSame(before.get(i).png(), page.png(), "page " + page.number() + " is the image of before");
            }
            assertArrayEquals(anew.get(i).png(), page.png(), "page " + page.number() + " as rendering it again gives");
            assertEquals(anew.get(i).text(), page.text());
            assertEquals(anew.get(i).imageId(), page.imageId());
        }
    }

    private static String contentOf(Path pdf, int page) throws IOException {
        try (PDDocument document = PdfFiles.open(pdf); InputStream in = document.getPage(page - 1).getContents()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
