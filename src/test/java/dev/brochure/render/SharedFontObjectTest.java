package dev.brochure.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.world.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each font file is one object in the build context: the theme check (content), shaping
 * (typeset) and embedding (render) all use it, so its bytes are read once, and render parses it
 * for embedding once per workspace.
 */
class SharedFontObjectTest {

    @TempDir
    Path temp;

    @Test
    void theCheckTheTypesetterAndTheRendererUseOneObjectPerFontFile() throws IOException {
        Pipeline pipeline = new Pipeline(Map.of());
        BuildRequest request = TestProject.copy("minimal", temp).request(temp.resolve("x.pdf"));
        TypesetDocument doc = pipeline.typeset(request).document();
        Workspace workspace = pipeline.workspace(request);
        Set<Path> files = doc.pages().stream().flatMap(p -> p.items().stream())
                .filter(PageItem.GlyphRun.class::isInstance).map(i -> ((PageItem.GlyphRun) i).font())
                .collect(Collectors.toSet());
        assertFalse(files.isEmpty());
        PdfFonts fonts = new PdfFonts(workspace);
        for (Path file : files) {
            assertSame(workspace.fonts().file(file), workspace.font(file));
            assertSame(fonts.get(file), new PdfFonts(workspace).get(file), "parsed for embedding once per workspace");
        }
    }
}
