package dev.brochure.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.vocab.Rgb;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import dev.brochure.world.Workspace;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Rect;
import dev.brochure.typeset.page.TypesetDocument;
import java.awt.geom.GeneralPath;
import java.awt.image.BufferedImage;
import java.awt.geom.PathIterator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renderer embeds its fonts itself: read back with PDFBox, every glyph drawn is the font's own
 * outline, shows the text typesetting gave it, stands where typesetting put it, and the width the
 * PDF records for it is the one the renderer placed it with; subset tags and the file identifier
 * follow from the content. These tests read only the finished PDF, so they fail, rather than pass
 * quietly, if the library that writes it changes how it does.
 */
class EmbeddedFontsTest {

    private static final ZonedDateTime DATE = ZonedDateTime.of(2025, 9, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @TempDir
    static Path temp;

    /** The running text of the brochure: ligatures, hyphenation, several faces. */
    static TypesetDocument typography;
    static Path pdf;
    static Workspace workspace;

    @BeforeAll
    static void build() throws IOException {
        TestProject project = TestProject.copy("typography", temp);
        pdf = temp.resolve("out.pdf");
        Pipeline pipeline = new Pipeline(Map.of());
        typography = pipeline.typeset(project.request(pdf)).document();
        workspace = pipeline.workspace(project.request(pdf));
        Files.write(pdf, render(typography, DATE));
    }

    private static byte[] render(TypesetDocument doc, ZonedDateTime date) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRenderer.render(doc, RenderOptions.screen(date, "test"), workspace, out);
        return out.toByteArray();
    }

    /** A glyph as drawn: its page, font, code, text, position and the width its font records. */
    record Drawn(int page, String font, int code, String text, double x, double baseline, double width) {
    }

    @Test
    void everyGlyphShowsItsTypesetTextWhereTypesettingPutItWithTheWidthItWasPlacedBy() throws IOException {
        List<Drawn> expected = new ArrayList<>();
        for (Page page : typography.pages()) {
            for (PageItem item : page.items()) {
                if (item instanceof PageItem.GlyphRun run) {
                    EmbeddableFont font = new PdfFonts(workspace).get(run.font());
                    for (int i = 0; i < run.glyphs().length; i++) {
                        if (!run.textOf(i).isEmpty()) { // a glyph that shows no character of its own maps to nothing
                            int glyph = run.glyphs()[i];
                            expected.add(new Drawn(page.number(), font.postScriptName(), glyph, run.textOf(i),
                                    run.x() + run.positions()[i], run.baseline(), font.width(glyph)));
                        }
                    }
                }
            }
        }
        List<Drawn> actual = new ArrayList<>();
        try (PDDocument doc = PdfFiles.open(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    int code = t.getCharacterCodes()[0];
                    try {
                        actual.add(new Drawn(getCurrentPageNo(), t.getFont().getName().substring(7), code,
                                t.getUnicode(), t.getXDirAdj(), t.getYDirAdj(), t.getFont().getWidth(code)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
            stripper.getText(doc);
        }
        assertTrue(expected.size() > 5000, "a real text: " + expected.size());
        assertEquals(expected.size(), actual.size(), "one drawn glyph for each typeset glyph that shows text");
        for (int i = 0; i < expected.size(); i++) {
            Drawn e = expected.get(i);
            Drawn a = actual.get(i);
            String where = "glyph " + i + " (" + e + " drawn as " + a + ")";
            assertEquals(e.page(), a.page(), where);
            assertEquals(e.font(), a.font(), where);
            assertEquals(e.code(), a.code(), where);
            assertEquals(e.text(), a.text(), where);
            assertEquals(e.x(), a.x(), 0.01, where);
            assertEquals(e.baseline(), a.baseline(), 0.01, where);
            assertEquals(e.width(), a.width(), 1e-3, where);
        }
    }

    @Test
    void eachFontIsATaggedSubsetOfTheGlyphsDrawnWithTheFontsOwnOutlines() throws IOException {
        Map<String, Path> files = new HashMap<>();
        Map<Path, SortedSet<Integer>> drawn = new HashMap<>();
        for (Page page : typography.pages()) {
            for (PageItem item : page.items()) {
                if (item instanceof PageItem.GlyphRun run) {
                    files.put(new PdfFonts(workspace).get(run.font()).postScriptName(), run.font());
                    for (int g : run.glyphs()) {
                        drawn.computeIfAbsent(run.font(), f -> new TreeSet<>()).add(g);
                    }
                }
            }
        }
        Set<String> seen = new HashSet<>();
        try (PDDocument doc = PdfFiles.open(pdf)) {
            for (PDFont font : PdfFiles.fonts(doc)) {
                if (!seen.add(font.getName())) {
                    continue;
                }
                PDCIDFontType2 cid = (PDCIDFontType2) ((PDType0Font) font).getDescendantFont();
                String name = font.getName();
                Path file = files.get(name.substring(7));
                SortedSet<Integer> glyphs = drawn.get(file);
                assertEquals(new PdfFonts(workspace).get(file).subsetTag(glyphs) + "+" + name.substring(7), name,
                        "the tag follows the font and its glyphs");
                try (TrueTypeFont original = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()))) {
                    int kept = cid.getTrueTypeFont().getNumberOfGlyphs();
                    assertTrue(kept >= glyphs.size() && kept < original.getNumberOfGlyphs() / 2,
                            name + " keeps " + kept + " of " + original.getNumberOfGlyphs() + " glyphs for "
                                    + glyphs.size() + " drawn");
                    for (int glyph : glyphs) {
                        assertEquals(outline(original.getGlyph().getGlyph(glyph).getPath()), outline(cid.getPath(glyph)),
                                "glyph " + glyph + " of " + name + " is the font's own");
                    }
                }
            }
        }
        assertEquals(drawn.size(), seen.size(), "one font in the PDF per font file drawn with: " + seen);
    }

    @Test
    void subsetTagsAreAFunctionOfTheFontAndTheGlyphSet() throws IOException {
        Path regular = TestProject.FONTS.resolve("Lato-Regular.ttf");
        Path bold = TestProject.FONTS.resolve("Lato-Bold.ttf");
        EmbeddableFont a = EmbeddableFont.parse("a", Files.readAllBytes(regular));
        EmbeddableFont again = EmbeddableFont.parse("elsewhere/a", Files.readAllBytes(regular));
        EmbeddableFont b = EmbeddableFont.parse("b", Files.readAllBytes(bold));
        SortedSet<Integer> glyphs = new TreeSet<>(List.of(3, 36, 37, 38, 70));
        SortedSet<Integer> more = new TreeSet<>(glyphs);
        more.add(71);
        assertTrue(a.subsetTag(glyphs).matches("[A-Z]{6}"), a.subsetTag(glyphs));
        assertEquals(a.subsetTag(glyphs), again.subsetTag(glyphs), "the key names the font, the bytes decide");
        assertNotEquals(a.subsetTag(glyphs), a.subsetTag(more), "another glyph, another tag");
        assertNotEquals(a.subsetTag(glyphs), b.subsetTag(glyphs), "another font, another tag");
        assertArrayEquals(a.subset(glyphs).program(), again.subset(glyphs).program(), "subsetting is deterministic");
    }

    @Test
    void aDamagedFontIsRefusedWhenParsedNotWhenThePdfIsWritten() throws IOException {
        byte[] lato = Files.readAllBytes(TestProject.FONTS.resolve("Lato-Regular.ttf"));
        assertThrows(IOException.class, () -> EmbeddableFont.parse("cut.ttf", Arrays.copyOf(lato, 2000)));
        assertThrows(IOException.class, () -> EmbeddableFont.parse("noise.ttf", new byte[5000]));
        EmbeddableFont font = EmbeddableFont.parse("Lato-Regular.ttf", lato);
        assertThrows(IllegalArgumentException.class, () -> font.width(font.glyphCount()),
                "a glyph the font does not have");
    }

    @Test
    void theFileIdentifierFollowsTheContentAndNothingElse() throws IOException {
        byte[] first = render(typography, DATE);
        byte[] second = render(typography, DATE);
        assertArrayEquals(first, second, "the same document, the same bytes");

        List<Page> pages = new ArrayList<>(typography.pages());
        Page last = pages.removeLast();
        pages.add(new Page(last.number(), last.width(), last.height(), last.bleed(), last.background(),
                last.items().subList(0, last.items().size() - 1), last.section()));
        TypesetDocument shorter = new TypesetDocument(typography.info(), pages, typography.outline(),
                typography.destinations());
        byte[] otherContent = render(shorter, DATE);
        byte[] otherDate = render(typography, DATE.plusDays(1));

        byte[] id = identifier(first);
        assertEquals(16, id.length);
        assertNotEquals(hex(id), hex(identifier(otherContent)), "a page item less, another identifier");
        assertNotEquals(hex(id), hex(identifier(otherDate)), "another date, another identifier");
    }

    @Test
    void textStaysUnderWhatIsDrawnAfterItAndOverWhatIsDrawnBefore() throws IOException {
        Page page = typography.pages().get(1);
        PageItem.GlyphRun run = page.items().stream().filter(PageItem.GlyphRun.class::isInstance)
                .map(PageItem.GlyphRun.class::cast).filter(r -> r.width() > 100).findFirst().orElseThrow();
        Rect area = new Rect(run.x(), run.baseline() - run.size(), run.width(), run.size() * 1.2);
        PageItem.Box box = new PageItem.Box(area, new Rgb(255, 0, 0), null, 0, 0);
        List<PageItem> after = new ArrayList<>(List.of(run, box));
        List<PageItem> before = new ArrayList<>(List.of(box, run));
        assertEquals(0, textPixels(page, after, area), "a box drawn after the text hides it");
        assertTrue(textPixels(page, before, area) > 50, "text drawn after a box shows on it");
    }

    /** How many pixels inside {@code area} are not the box's red when only {@code items} are drawn. */
    private static int textPixels(Page page, List<PageItem> items, Rect area) throws IOException {
        Page only = new Page(1, page.width(), page.height(), page.bleed(), null, items, page.section());
        TypesetDocument doc = new TypesetDocument(typography.info(), List.of(only), List.of(), List.of());
        try (PDDocument pdf = Loader.loadPDF(render(doc, DATE))) {
            BufferedImage image = new PDFRenderer(pdf).renderImage(0, 2);
            int count = 0;
            for (int y = (int) Math.ceil(area.y() * 2) + 1; y < (int) (area.bottom() * 2) - 1; y++) {
                for (int x = (int) Math.ceil(area.x() * 2) + 1; x < (int) (area.right() * 2) - 1; x++) {
                    count += (image.getRGB(x, y) & 0xffffff) == 0xff0000 ? 0 : 1;
                }
            }
            return count;
        }
    }

    /** The trailer's /ID, whose two parts must be equal for a file written once. */
    private static byte[] identifier(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSArray id = doc.getDocument().getDocumentID();
            assertEquals(2, id.size());
            byte[] permanent = ((COSString) id.getObject(0)).getBytes();
            assertArrayEquals(permanent, ((COSString) id.getObject(1)).getBytes());
            return permanent;
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** A glyph outline as a list of segment types and coordinates. */
    private static List<Double> outline(GeneralPath path) {
        List<Double> out = new ArrayList<>();
        double[] c = new double[6];
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            out.add((double) type);
            int n = switch (type) {
                case PathIterator.SEG_CLOSE -> 0;
                case PathIterator.SEG_QUADTO -> 4;
                case PathIterator.SEG_CUBICTO -> 6;
                default -> 2;
            };
            for (int k = 0; k < n; k++) {
                out.add(c[k]);
            }
        }
        return out;
    }
}
