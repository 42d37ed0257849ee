package dev.brochure.render;

import static dev.brochure.testing.StructureElements.dict;
import static dev.brochure.testing.StructureElements.kids;
import static dev.brochure.testing.StructureElements.role;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.inspect.Accessibility;
import dev.brochure.inspect.ReadingOrder;
import dev.brochure.testing.TypesetFixture;
import dev.brochure.testing.VeraPdf;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Rect;
import dev.brochure.typeset.page.StructNode;
import dev.brochure.typeset.page.StructRole;
import dev.brochure.typeset.page.Tag;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.vocab.Rgb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renderer writes the typeset document's structure as a tagged PDF (PDF/UA-1): elements in
 * the structure's order whatever the drawing order, each element's content as marked content in
 * the text forms or on the page, links as object references with their description, figures with
 * their description and box, artifacts for page furniture. The page is made here item by item
 * from glyph runs and a photo of the minimal fixture, tagged by hand.
 */
class TaggedPdfTest {

    private static final ZonedDateTime DATE = ZonedDateTime.of(2024, 5, 6, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final COSName STM = COSName.getPDFName("Stm");
    private static final COSName OBJ = COSName.getPDFName("Obj");

    @TempDir
    static Path temp;

    private static TypesetFixture minimal;

    @BeforeAll
    static void typeset() {
        minimal = TypesetFixture.typeset("minimal", temp);
    }

    /** Document[H1, P[Link, Span in German], Figure], ids 0 to 5. */
    private static final StructNode STRUCTURE = new StructNode(0, StructRole.DOCUMENT, null, "en-GB", null, List.of(
            new StructNode(1, StructRole.H1, null, null, null, List.of()),
            new StructNode(2, StructRole.P, null, null, null, List.of(
                    new StructNode(3, StructRole.LINK, "The example site", null, null, List.of()),
                    new StructNode(5, StructRole.SPAN, null, "de", null, List.of()))),
            new StructNode(4, StructRole.FIGURE, "Green hills under a pale sky", null, null, List.of())));

    private static List<PageItem.GlyphRun> runs(Page page) {
        return page.items().stream().filter(PageItem.GlyphRun.class::isInstance).map(PageItem.GlyphRun.class::cast)
                .filter(r -> !r.text().isBlank()).toList();
    }

    private record Made(TypesetDocument doc, String heading, String paragraph, Rect photo) {
    }

    /**
     * The story page's heading, three runs of its text (a link in the middle, German words last), its photo, a box
     * and the footer, drawn in another order than the structure's: the paragraph first, the
     * heading last, the photo in between.
     */
    private static Made page() {
        Page story = minimal.document().pages().get(1);
        List<PageItem.GlyphRun> runs = runs(story);
        PageItem.GlyphRun heading = runs.stream().filter(r -> r.text().contains("Story")).findFirst().orElseThrow();
        List<PageItem.GlyphRun> body = runs.stream().filter(r -> r.size() < 11 && r.tag() instanceof Tag.Content)
                .limit(3).toList();
        PageItem.GlyphRun footer = runs.stream().filter(r -> r.tag() == Tag.Artifact.FOOTER).findFirst().orElseThrow();
        PageItem.PlacedImage photo = story.items().stream().filter(PageItem.PlacedImage.class::isInstance)
                .map(PageItem.PlacedImage.class::cast).findFirst().orElseThrow();
        PageItem.GlyphRun link = body.get(1);
        List<PageItem> items = new ArrayList<>();
        items.add(new PageItem.Box(new Rect(20, 20, 100, 100), new Rgb(230, 240, 235), null, 0, 4, Tag.Artifact.LAYOUT));
        items.add(body.get(0).tagged(new Tag.Content(2)));
        items.add(link.tagged(new Tag.Content(3)));
        items.add(new PageItem.Link(new Rect(link.x(), link.baseline() - link.size(), link.width(), link.size() * 1.2),
                "https://example.org", new Tag.Content(3)));
        items.add(body.get(2).tagged(new Tag.Content(5)));
        items.add(photo.tagged(new Tag.Content(4)));
        items.add(heading.tagged(new Tag.Content(1)));
        items.add(footer);
        Page page = new Page(1, story.width(), story.height(), 0, null, items, story.section());
        String paragraph = body.get(0).text() + body.get(1).text() + body.get(2).text();
        return new Made(new TypesetDocument(minimal.document().info(), List.of(page), List.of(), List.of(), STRUCTURE),
                heading.text(), paragraph, photo.visible());
    }

    private static byte[] render(TypesetDocument doc, RenderOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRenderer.render(doc, options, minimal.workspace(), out);
        return out.toByteArray();
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void elementsFollowTheStructureAndTheirContentIsMarkedWhereItIsDrawn() throws IOException {
        Made made = page();
        byte[] pdf = render(made.doc(), RenderOptions.screen(DATE, "test"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
            assertTrue(catalog.getCOSDictionary(COSName.MARK_INFO).getBoolean(COSName.getPDFName("Marked"), false));
            assertEquals("en-GB", doc.getDocumentCatalog().getLanguage());
            assertTrue(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle());
            COSDictionary root = catalog.getCOSDictionary(COSName.STRUCT_TREE_ROOT);
            COSDictionary document = kids(root).getFirst();
            assertEquals("Document", role(document));
            assertEquals(List.of("H1", "P", "Figure"), kids(document).stream().map(dev.brochure.testing.StructureElements::role).toList(),
                    "the structure's order, not the drawing order (paragraph, photo, heading)");

            COSDictionary p = kids(document).get(1);
            assertEquals(List.of("MCR", "Link", "Span"), kids(p).stream().map(dev.brochure.testing.StructureElements::role).toList(),
                    "the link and the words in German are read where they stand in their paragraph");
            assertEquals("de", kids(p).get(2).getString(COSName.getPDFName("Lang")), "the span says its language");
            PDPage page = doc.getPage(0);
            for (COSDictionary mcr : kids(p)) {
                if ("MCR".equals(role(mcr))) {
                    assertNotNull(dict(mcr.getItem(STM)), "text is marked inside its text form");
                    assertEquals(page.getCOSObject(), mcr.getCOSDictionary(COSName.PG));
                }
            }

            COSDictionary link = kids(p).get(1);
            COSDictionary objr = kids(link).stream().filter(k -> "OBJR".equals(role(k))).findFirst().orElseThrow();
            List<PDAnnotation> annotations = page.getAnnotations();
            assertEquals(1, annotations.size());
            COSDictionary annotation = annotations.getFirst().getCOSObject();
            assertEquals(annotation, dict(objr.getItem(OBJ)), "the link element holds its annotation");
            assertEquals("The example site", annotation.getString(COSName.CONTENTS));
            assertEquals(4, annotation.getInt(COSName.F), "printable");
            COSArray nums = root.getCOSDictionary(COSName.PARENT_TREE).getCOSArray(COSName.NUMS);
            int parent = annotation.getInt(COSName.STRUCT_PARENT);
            COSDictionary owner = null;
            for (int i = 0; i < nums.size(); i += 2) {
                if (((org.apache.pdfbox.cos.COSNumber) nums.getObject(i)).intValue() == parent) {
                    owner = dict(nums.get(i + 1));
                }
            }
            assertEquals(link, owner, "the parent tree leads from the annotation to its link element");
            assertEquals(COSName.S, page.getCOSObject().getCOSName(COSName.getPDFName("Tabs")),
                    "a page with a link is tabbed in structure order");

            COSDictionary figure = kids(document).get(2);
            assertEquals("Green hills under a pale sky", figure.getString(COSName.ALT));
            COSDictionary attributes = figure.getCOSDictionary(COSName.A);
            assertEquals("Layout", attributes.getNameAsString(COSName.O));
            float[] box = attributes.getCOSArray(COSName.BBOX).toFloatArray();
            double height = made.doc().pages().getFirst().height();
            assertArrayEquals(new float[] {(float) made.photo().x(), (float) (height - made.photo().bottom()),
                    (float) made.photo().right(), (float) (height - made.photo().y())}, box, 0.01f,
                    "the figure's box is where the photo shows");

            Accessibility.Result access = Accessibility.scan(doc);
            assertTrue(access.tagged(), "every glyph, image and shape is content or an artifact: " + access.untagged());
            List<ReadingOrder.Block> order = access.readingOrder();
            assertEquals(List.of("H1", "P", "Figure"), order.stream().map(ReadingOrder.Block::role).toList());
            assertEquals(squeeze(made.heading()), squeeze(order.get(0).text()));
            assertEquals(squeeze(made.paragraph()), squeeze(order.get(1).text()), "the paragraph with its link");
            assertEquals("Green hills under a pale sky", order.get(2).text());
        }
        Path file = Files.write(temp.resolve("tagged.pdf"), pdf);
        VeraPdf.Verdict verdict = VeraPdf.pdfUa1(file);
        assertTrue(verdict.compliant(), verdict.toString());
    }

    @Test
    void anItemWithoutATagIsContentOfTheDocumentNeverHidden() throws IOException {
        Page story = minimal.document().pages().get(1);
        PageItem.GlyphRun run = runs(story).getFirst();
        PageItem.GlyphRun plain = new PageItem.GlyphRun(run.x(), run.baseline(), run.font(), run.size(), run.color(),
                run.glyphs(), run.positions(), run.clusters(), run.width(), run.text());
        Page page = new Page(1, story.width(), story.height(), 0, null, List.of(plain), story.section());
        byte[] pdf = render(new TypesetDocument(minimal.document().info(), List.of(page), List.of(), List.of()),
                RenderOptions.screen(DATE, "test"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Accessibility.Result access = Accessibility.scan(doc);
            assertTrue(access.tagged(), access.untagged().toString());
            assertEquals(List.of(squeeze(run.text())), access.readingOrder().stream().map(b -> squeeze(b.text())).toList());
        }
    }

    @Test
    void theBrochureTaggedFromItsBlocksIsPdfUa() throws IOException {
        byte[] pdf = render(minimal.document(), RenderOptions.screen(DATE, "test"));
        Path file = Files.write(temp.resolve("minimal.pdf"), pdf);
        VeraPdf.Verdict verdict = VeraPdf.pdfUa1(file);
        assertTrue(verdict.compliant(), verdict.toString());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertNull(doc.getDocumentCatalog().getCOSObject().getItem(COSName.OUTPUT_INTENTS),
                    "no output intent unless archiving");
            assertInstanceOf(COSDictionary.class, doc.getDocumentCatalog().getCOSObject()
                    .getDictionaryObject(COSName.STRUCT_TREE_ROOT));
        }
    }
}
