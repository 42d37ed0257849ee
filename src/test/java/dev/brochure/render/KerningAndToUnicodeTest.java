package dev.brochure.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import dev.brochure.world.font.FontFace;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kerning is measured and drawn alike; the ToUnicode map says what every glyph shows. */
class KerningAndToUnicodeTest {

    @TempDir
    Path temp;

    @Test
    void kernedPairsAreDrawnWhereTheyWereMeasured() throws IOException {
        TestProject project = TestProject.copy("minimal", temp)
                .replace("sections/story.yaml", "A second paragraph closes the story.", "AVAWAY To Wave.");
        Path pdf = temp.resolve("out.pdf");
        Pipeline pipeline = new Pipeline(Map.of());
        pipeline.build(project.request(pdf));
        Page page = pipeline.typeset(project.request(pdf)).document().pages().get(1);
        PageItem.GlyphRun run = page.items().stream().filter(PageItem.GlyphRun.class::isInstance)
                .map(PageItem.GlyphRun.class::cast).filter(r -> r.text().contains("AVAWAY")).findFirst().orElseThrow();
        int at = run.text().indexOf("AVAWAY");
        int a = 0;
        while (run.clusters()[a] != at) {
            a++; // the glyph showing the first A
        }
        FontFace face = TestProject.font(run.font());
        double unkerned = face.designWidth(run.glyphs()[a]) * run.size() / 1000;
        double kerned = run.positions()[a + 1] - run.positions()[a];
        assertTrue(kerned < unkerned - 0.3, "A-V is kerned: " + kerned + " against " + unkerned);

        List<Float> xs = new ArrayList<>();
        List<String> units = new ArrayList<>();
        try (PDDocument doc = PdfFiles.open(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    units.add(text.getUnicode());
                    xs.add(text.getXDirAdj());
                }
            };
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            stripper.getText(doc);
        }
        // One text position per glyph (a ligature's holds several letters): find the six glyphs.
        int found = -1;
        for (int i = 0; i + 6 <= units.size() && found < 0; i++) {
            if (String.join("", units.subList(i, i + 6)).equals("AVAWAY")) {
                found = i;
            }
        }
        assertTrue(found >= 0, "the PDF text has AVAWAY");
        for (int i = 0; i < 6; i++) {
            assertEquals(run.x() + run.positions()[a + i], xs.get(found + i), 0.02, "glyph " + i + " of AVAWAY");
        }
    }

    @Test
    void aLigatureGlyphMapsToAllItsLettersAndAnAmbiguousGlyphToItsCommonestText() {
        TreeMap<Integer, String> map = new TreeMap<>(Map.of(3, " ", 616, "ffi", 70, "A"));
        String cmap = new String(ToUnicodeMaps.cmap(map), StandardCharsets.US_ASCII);
        assertTrue(cmap.contains("3 beginbfchar\n<0003> <0020>\n<0046> <0041>\n<0268> <006600660069>\nendbfchar"), cmap);
        assertTrue(cmap.contains("/CMapType 2 def") && cmap.contains("<0000> <FFFF>"));

        TreeMap<Integer, String> big = new TreeMap<>();
        for (int g = 1; g <= 250; g++) {
            big.put(g, "x");
        }
        String blocks = new String(ToUnicodeMaps.cmap(big), StandardCharsets.US_ASCII);
        assertEquals(3, blocks.split("beginbfchar").length - 1, "at most 100 entries per block");
        assertTrue(blocks.contains("50 beginbfchar"));
    }
}
