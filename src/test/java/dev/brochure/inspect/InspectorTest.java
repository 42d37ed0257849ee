package dev.brochure.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.content.model.Section;
import dev.brochure.diag.BrochureException;
import dev.brochure.inspect.report.Box;
import dev.brochure.inspect.report.FontInfo;
import dev.brochure.inspect.report.GlyphProblem;
import dev.brochure.inspect.report.ImageInfo;
import dev.brochure.inspect.report.InspectReport;
import dev.brochure.inspect.report.LinkInfo;
import dev.brochure.inspect.report.OutlineItem;
import dev.brochure.inspect.report.PageInfo;
import dev.brochure.inspect.report.Target;
import dev.brochure.testing.BuiltBrochure;
import dev.brochure.testing.TestPdfs;
import dev.brochure.testing.TestPdfs.Flaw;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectorTest {

    @TempDir
    Path dir;

    @Test
    void reportsTheOptmlBrochureAsItsContentDescribesIt() throws IOException {
        Path pdf = BuiltBrochure.OPTML.pdf();
        BrochureContent content = BuiltBrochure.OPTML.content();
        InspectReport report = Inspector.inspect(pdf);

        assertEquals(Files.size(pdf), report.bytes());
        assertEquals(content.info().title(), report.metadata().title());
        assertEquals(content.info().author(), report.metadata().author());
        assertEquals(content.info().language(), report.metadata().language());
        assertTrue(report.metadata().created().startsWith(content.info().date().toString()), report.metadata().created());

        assertTrue(report.pages().size() >= content.sections().size());
        for (PageInfo page : report.pages()) {
            assertEquals(content.info().paper().width(), page.mediaBox().width(), 0.01);
            assertEquals(content.info().paper().height(), page.mediaBox().height(), 0.01);
        }
        assertFalse(report.fonts().isEmpty());
        for (FontInfo font : report.fonts()) {
            assertTrue(font.embedded() && font.subset(), font.toString());
        }
        assertEquals(List.of(), report.glyphProblems());

        // Every image the content names is placed. The default (screen) profile keeps only the visible
        // part of each at no more than 200 ppi, so pixel sizes are at most the originals'.
        assertTrue(report.images().size() >= content.images().size(), report.images().toString());
        int largestOriginal = content.images().values().stream().mapToInt(i -> i.pixelWidth()).max().orElse(0);
        for (ImageInfo image : report.images()) {
            assertTrue(image.ppi() <= 200.5, image.toString());
            assertTrue(image.pixelWidth() <= largestOriginal, image.toString());
        }
        for (ImageInfo image : report.images()) {
            double expected = Math.min(image.pixelWidth() * 72 / image.placed().width(),
                    image.pixelHeight() * 72 / image.placed().height());
            assertEquals(expected, image.ppi(), 1e-6);
        }

        assertTrue(report.links().stream().anyMatch(l -> "https://www.optml-group.com".equals(l.target().value())));
        assertTrue(report.links().stream().noneMatch(l -> l.target().broken()), report.links().toString());
        List<String> sections = content.sections().stream().map(Section::title).toList();
        assertEquals(sections, report.outline().stream().map(OutlineItem::title).toList());
        assertTrue(report.outline().stream().allMatch(o -> o.target().page() != null && !o.target().broken()));
    }

    @Test
    void reportsAPdfAnotherToolMade() {
        InspectReport report = Inspector.inspect(TestPdfs.write(dir.resolve("other.pdf"), EnumSet.of(Flaw.HELVETICA)));

        assertEquals(2, report.pages().size());
        PageInfo first = report.pages().getFirst();
        float b = TestPdfs.BLEED;
        assertEquals(new Box(0, 0, TestPdfs.TRIM_WIDTH + 2 * b, TestPdfs.TRIM_HEIGHT + 2 * b), first.mediaBox());
        assertEquals(new Box(b, b, TestPdfs.TRIM_WIDTH, TestPdfs.TRIM_HEIGHT), first.trimBox());
        assertEquals(first.mediaBox(), first.bleedBox());
        assertNull(first.cropBox());

        assertEquals(TestPdfs.TITLE, report.metadata().title());
        assertEquals(TestPdfs.LANGUAGE, report.metadata().language());
        assertEquals("2024-03-05T12:00:00Z", report.metadata().created());

        FontInfo lato = report.fonts().stream().filter(f -> f.name().endsWith("+Lato-Regular")).findFirst().orElseThrow();
        assertTrue(lato.embedded() && lato.subset());
        assertEquals(List.of(1, 2), lato.pages());
        FontInfo helvetica = report.fonts().stream().filter(f -> f.name().equals("Helvetica")).findFirst().orElseThrow();
        assertFalse(helvetica.embedded());
        assertFalse(helvetica.subset());
        assertEquals("Type1", helvetica.type());
        assertEquals(List.of(2), helvetica.pages());

        ImageInfo image = report.images().getFirst();
        assertEquals(1, report.images().size());
        assertEquals(1, image.page());
        assertEquals(TestPdfs.IMAGE_WIDTH_PX, image.pixelWidth());
        assertEquals(TestPdfs.IMAGE_HEIGHT_PX, image.pixelHeight());
        assertEquals(new Box(72, 500, TestPdfs.IMAGE_WIDTH_PT, TestPdfs.IMAGE_HEIGHT_PT), image.placed());
        assertEquals(300, image.ppi(), 1e-6);
        assertEquals("DeviceRGB", image.colorSpace());
        assertEquals(8, image.bitsPerComponent());
        assertEquals("FlateDecode", image.filter());
        assertTrue(image.bytes() > 0 && image.object() != null);

        assertEquals(List.of(
                new Target("uri", TestPdfs.URI, null, null),
                new Target("named", TestPdfs.DESTINATION, 2, null),
                new Target("page", null, 2, null)), report.links().stream().map(LinkInfo::target).toList());
        assertEquals(new Box(72, 640, 200, 14), report.links().getFirst().rect());

        OutlineItem start = report.outline().getFirst();
        assertEquals("Start", start.title());
        assertEquals(1, start.target().page());
        assertEquals("Second", start.children().getFirst().title());
        assertEquals(2, start.children().getFirst().target().page());
        assertEquals(List.of(), report.glyphProblems());
    }

    @Test
    void findsGlyphsThatCannotBeShownOrExtracted() {
        InspectReport report = Inspector.inspect(TestPdfs.write(dir.resolve("glyphs.pdf"), EnumSet.of(Flaw.NOTDEF, Flaw.NO_UNICODE)));

        GlyphProblem notdef = report.glyphProblems().stream().filter(p -> p.problem().equals(GlyphProblem.NOTDEF))
                .findFirst().orElseThrow(() -> new AssertionError(report.glyphProblems()));
        assertEquals(2, notdef.page());
        assertEquals(0, notdef.code());
        assertEquals(1, notdef.count());
        assertTrue(notdef.font().endsWith("Lato-Regular"), notdef.font());

        GlyphProblem unmapped = report.glyphProblems().stream().filter(p -> p.problem().equals(GlyphProblem.NO_UNICODE))
                .findFirst().orElseThrow(() -> new AssertionError(report.glyphProblems()));
        assertEquals(2, unmapped.page());
        assertEquals("H", unmapped.unicode(), "PDFBox still guesses the character from the font");
        assertEquals(2, report.glyphProblems().size(), report.glyphProblems().toString());
    }

    @Test
    void saysWhyEachBrokenTargetIsBroken() {
        InspectReport report = Inspector.inspect(TestPdfs.write(dir.resolve("links.pdf"), EnumSet.of(Flaw.BROKEN_LINKS)));

        List<Target> broken = report.links().stream().filter(l -> l.page() == 2).map(LinkInfo::target).toList();
        assertEquals(4, broken.size(), broken.toString());
        assertEquals(new Target("named", "nowhere", null, "no destination named 'nowhere' in the document"), broken.get(0));
        assertEquals(new Target("page", null, null, "page 7 is out of range (the document has 2 pages)"), broken.get(1));
        assertTrue(broken.get(2).problem().startsWith("malformed URI: Illegal character in authority"), broken.get(2).problem());
        assertEquals("not an absolute URI (no scheme such as https:)", broken.get(3).problem());
        assertTrue(report.links().stream().filter(l -> l.page() == 1).noneMatch(l -> l.target().broken()));

        OutlineItem stray = report.outline().getLast();
        assertEquals("Stray", stray.title());
        assertEquals("points to a page that is not in the document", stray.target().problem());
    }

    @Test
    void countsFontsThatOnlyAnAnnotationsAppearanceUses() throws IOException {
        Path pdf = dir.resolve("stamp.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A5);
            doc.addPage(page);
            PDAnnotationSquare stamp = new PDAnnotationSquare();
            stamp.setRectangle(new PDRectangle(50, 50, 200, 40));
            PDAppearanceStream appearance = new PDAppearanceStream(doc);
            appearance.setBBox(new PDRectangle(200, 40));
            appearance.setResources(new PDResources());
            try (PDPageContentStream cs = new PDPageContentStream(doc, appearance)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.COURIER), 12);
                cs.newLineAtOffset(4, 14);
                cs.showText("APPROVED");
                cs.endText();
            }
            PDAppearanceDictionary appearances = new PDAppearanceDictionary();
            appearances.setNormalAppearance(appearance);
            stamp.setAppearance(appearances);
            page.getAnnotations().add(stamp);
            doc.save(pdf.toFile());
        }
        InspectReport report = Inspector.inspect(pdf);
        assertEquals(List.of(new FontInfo("Courier", "Type1", false, false, List.of(1))), report.fonts());
    }

    @Test
    void failsClearlyOnWhatIsNotAReadablePdf() throws IOException {
        Path missing = dir.resolve("missing.pdf");
        assertMessage("file not found", missing);
        assertMessage("is a folder, not a PDF file", dir);
        Path text = Files.writeString(dir.resolve("notes.pdf"), "these are notes, not a PDF\n");
        assertMessage("not a readable PDF", text);
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
        assertMessage("not a readable PDF", empty);
    }

    private static void assertMessage(String start, Path file) {
        BrochureException e = assertThrows(BrochureException.class, () -> Inspector.inspect(file));
        assertEquals(1, e.diagnostics().size());
        assertTrue(e.diagnostics().getFirst().message().startsWith(start), e.diagnostics().getFirst().message());
        assertTrue(e.diagnostics().getFirst().where().file().endsWith(file.getFileName().toString()));
    }

}
