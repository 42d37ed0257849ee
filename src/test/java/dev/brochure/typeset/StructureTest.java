package dev.brochure.typeset;

import dev.brochure.world.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentLoader;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Fit;
import dev.brochure.layout.tree.Inline;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.layout.tree.VAlign;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.StructNode;
import dev.brochure.typeset.page.StructRole;
import dev.brochure.typeset.page.Tag;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.vocab.ImageRef;
import dev.brochure.vocab.Insets;
import dev.brochure.vocab.Length;
import dev.brochure.vocab.Rgb;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.vocab.Theme;
import dev.brochure.world.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typesetting builds the document's logical structure from the layout's blocks in content order
 * and tags every item it places with its element, or as an artifact. The layouts are built here
 * block by block; the theme (the default one) and the document settings come from the minimal
 * fixture.
 */
class StructureTest {

    @TempDir
    Path temp;

    private BrochureContent content;
    private Workspace workspace;
    private Theme theme;
    private ImageRef photo;

    @BeforeEach
    void load() {
        TestProject project = TestProject.copy("minimal", temp);
        workspace = project.workspace();
        content = ContentLoader.load(workspace).orThrow();
        theme = content.theme();
        photo = new ImageRef("images/landscape.jpg", project.file("images/landscape.jpg"), 1200, 750, "jpeg");
    }

    private static SourceLocation at(int line) {
        return new SourceLocation("sections/probe.yaml", line, 1);
    }

    private static List<Inline> text(String s) {
        return List.of(new Inline.Run(s, false, false, null, null));
    }

    private Block.Paragraph paragraph(String s, int line) {
        return new Block.Paragraph(theme.styles().get("body"), null, text(s), at(line));
    }

    private Block.Image image(String alt, List<Inline> caption, int line) {
        return new Block.Image(photo, Fit.COVER, Length.FULL, Length.points(60), null, null, caption,
                theme.styles().get("caption"), 0, alt, at(line));
    }

    private TypesetDocument typeset(List<Block> blocks) {
        LayoutSection section = new LayoutSection("probe", "Probe", theme.masters().get("body"), true, blocks, at(1),
                "probe");
        return Typesetter.typeset(new LayoutDocument(content.info(), theme, List.of(section)), TypesetOptions.defaults(),
                workspace).orThrow().document();
    }

    /** The structure as nested roles, e.g. {@code Document[Sect[H1, P[Link]]]}. */
    private static String outline(StructNode node) {
        String kids = node.children().stream().map(StructureTest::outline).collect(Collectors.joining(", "));
        return node.role().pdfName() + (kids.isEmpty() ? "" : "[" + kids + "]");
    }

    private static Map<Integer, StructNode> byId(StructNode root) {
        Map<Integer, StructNode> all = new java.util.HashMap<>();
        List<StructNode> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            StructNode n = todo.removeLast();
            all.put(n.id(), n);
            todo.addAll(n.children());
        }
        return all;
    }

    /** The element of a content tag, or null for an artifact. */
    private static StructNode element(PageItem item, Map<Integer, StructNode> nodes) {
        return item.tag() instanceof Tag.Content c ? nodes.get(c.node()) : null;
    }

    private static List<PageItem> drawn(TypesetDocument doc) {
        return doc.pages().stream().flatMap(p -> p.items().stream()).filter(i -> !(i instanceof PageItem.TextLine))
                .toList();
    }

    @Test
    void blocksBecomeElementsInContentOrderAndAsideCellsComeAfterTheirRow() {
        Block.Heading title = new Block.Heading(1, theme.styles().get("h1"), text("Structure"), false, at(2));
        Block.Row row = new Block.Row(12, VAlign.TOP, false, List.of(
                new Block.Cell(null, 1, List.of(image("A portrait", List.of(), 3), paragraph("In the sidebar.", 4)),
                        true),
                new Block.Cell(null, 2, List.of(paragraph("The main text, read first.", 5)))), at(3));
        Block.ListBlock list = new Block.ListBlock(theme.styles().get("body"), false, "\u2022", null,
                List.of(List.of(paragraph("One", 7)), List.of(paragraph("Two", 8))), at(6));
        Block.Quote quote = new Block.Quote(List.of(paragraph("Quoted words.", 10)), text("Someone"),
                theme.styles().get("attribution"), Rgb.BLACK, at(9));
        Block.Panel panel = new Block.Panel(Rgb.BLACK, null, 0, Insets.all(6), 0, 0, VAlign.TOP,
                List.of(paragraph("On a panel.", 12)), at(11));
        TypesetDocument doc = typeset(List.of(title, row, list, image("A landscape", text("Its caption"), 13),
                image("", text("A caption under a decorative picture"), 14), quote,
                new Block.Rule(Rgb.BLACK, 1, Length.FULL, at(15)), panel));

        assertEquals("Document[Sect[H1, P, Div[Figure, P], L[LI[Lbl, LBody[P]], LI[Lbl, LBody[P]]], "
                + "Div[Figure, Caption], Caption, BlockQuote[P, P], Div[P]]]", outline(doc.structure()),
                "the sidebar (an aside cell, drawn first) comes after the row's main text; a decorative picture has"
                        + " no figure");
        StructNode sect = doc.structure().children().getFirst();
        assertEquals("Probe", sect.title());
        assertEquals("en-GB", doc.structure().lang(), "the document's language is its root's");
        assertEquals("A portrait", sect.children().get(2).children().getFirst().alt());
        assertEquals("A landscape", sect.children().get(4).children().getFirst().alt());
    }

    @Test
    void everyDrawnItemIsContentOfItsElementOrAnArtifact() {
        Block.ListBlock list = new Block.ListBlock(theme.styles().get("body"), false, "\u2022", null,
                List.of(List.of(paragraph("First item", 3))), at(2));
        Block.Panel panel = new Block.Panel(Rgb.BLACK, null, 0, Insets.all(6), 0, 0, VAlign.TOP,
                List.of(paragraph("On a panel.", 5)), at(4));
        TypesetDocument doc = typeset(List.of(paragraph("Plain words.", 1), list, image("A landscape", text("Caption"), 6),
                image("", List.of(), 7), new Block.Rule(Rgb.BLACK, 1, Length.FULL, at(8)), panel));
        Map<Integer, StructNode> nodes = byId(doc.structure());
        List<PageItem> drawn = drawn(doc);
        assertTrue(drawn.stream().noneMatch(i -> i.tag() instanceof Tag.Unset), "nothing is left untagged");

        Function<String, StructNode> elementOf = words -> drawn.stream()
                .filter(i -> i instanceof PageItem.GlyphRun r && r.text().contains(words)).map(i -> element(i, nodes))
                .findFirst().orElseThrow();
        assertEquals(StructRole.P, elementOf.apply("Plain").role());
        assertEquals(StructRole.LBL, elementOf.apply("\u2022").role(), "a list marker is the item's label");
        assertEquals(StructRole.CAPTION, elementOf.apply("Caption").role());
        assertEquals(StructRole.P, elementOf.apply("panel").role());

        List<PageItem.PlacedImage> images = drawn.stream().filter(PageItem.PlacedImage.class::isInstance)
                .map(PageItem.PlacedImage.class::cast).toList();
        assertEquals(StructRole.FIGURE, element(images.get(0), nodes).role());
        assertEquals(Tag.Artifact.LAYOUT, images.get(1).tag(), "a decorative picture is an artifact");
        assertTrue(drawn.stream().filter(i -> i instanceof PageItem.Line || i instanceof PageItem.Box)
                .allMatch(i -> i.tag() instanceof Tag.Artifact), "rules and panel boxes are decoration");

        List<PageItem> footer = drawn.stream().filter(i -> i.tag() == Tag.Artifact.FOOTER).toList();
        assertFalse(footer.isEmpty(), "the running footer is there");
        assertTrue(footer.stream().anyMatch(i -> i instanceof PageItem.GlyphRun r && r.text().contains("1")),
                "the page number is in it: " + footer);
    }

    @Test
    void aLinkAndTextInAnotherLanguageAreElementsOfTheirParagraph() {
        List<Inline> words = List.of(new Inline.Run("Read ", false, false, null, null),
                new Inline.Run("our site", false, false, "https://example.org", null),
                new Inline.Run(" or say ", false, false, null, null),
                new Inline.Run("Guten Tag", false, true, null, null, "de"),
                new Inline.Run(" in English.", false, false, null, null, "en-GB"));
        TypesetDocument doc = typeset(List.of(new Block.Paragraph(theme.styles().get("body"), null, words, at(2))));
        StructNode p = doc.structure().children().getFirst().children().getFirst();
        assertEquals("P[Link, Span]", outline(p), "text in the document's own language needs no span");
        StructNode link = p.children().get(0);
        StructNode span = p.children().get(1);
        assertEquals("our site", link.alt(), "a link is described by its text");
        assertNull(link.lang());
        assertEquals("de", span.lang());

        Map<Integer, StructNode> nodes = byId(doc.structure());
        List<PageItem> drawn = drawn(doc);
        PageItem.Link area = drawn.stream().filter(PageItem.Link.class::isInstance).map(PageItem.Link.class::cast)
                .findFirst().orElseThrow();
        assertEquals(link, element(area, nodes), "the clickable area belongs to its link element");
        Map<String, StructRole> runs = drawn.stream().filter(i -> i instanceof PageItem.GlyphRun r
                        && r.tag() instanceof Tag.Content).map(PageItem.GlyphRun.class::cast)
                .collect(Collectors.toMap(r -> r.text().strip(), r -> element(r, nodes).role(), (a, b) -> a));
        assertEquals(StructRole.LINK, runs.get("our site"), runs.toString());
        assertEquals(StructRole.SPAN, runs.get("Guten Tag"), runs.toString());
        assertTrue(runs.keySet().stream().filter(t -> t.contains("Read") || t.contains("English"))
                .allMatch(t -> runs.get(t) == StructRole.P), "the rest is the paragraph's own: " + runs);
    }

    @Test
    void aPictureOfAFramedPageThatIsSetAgainKeepsItsFigure() {
        // A frame of fixed height gives a picture of percent height its height in points: the
        // block typesetting sets is a new one, which must still be the layout block's figure.
        Block.Image full = new Block.Image(photo, Fit.COVER, Length.FULL, Length.percent(100), null, null, List.of(),
                theme.styles().get("caption"), 0, "A cover photo", at(3));
        Block.FixedPage cover = new Block.FixedPage(theme.masters().get("cover"), null, List.of(new Block.Frame(
                Length.points(0), Length.points(0), Length.FULL, Length.percent(50), null, Insets.NONE, VAlign.TOP,
                false, List.of(full), at(2))), at(2));
        TypesetDocument doc = typeset(List.of(cover));
        Page page = doc.pages().getFirst();
        PageItem.PlacedImage placed = page.items().stream().filter(PageItem.PlacedImage.class::isInstance)
                .map(PageItem.PlacedImage.class::cast).findFirst().orElseThrow();
        StructNode figure = element(placed, byId(doc.structure()));
        assertInstanceOf(StructNode.class, figure);
        assertEquals(StructRole.FIGURE, figure.role());
        assertEquals("A cover photo", figure.alt());
    }
}
