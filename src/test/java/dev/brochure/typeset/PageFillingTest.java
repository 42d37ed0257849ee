package dev.brochure.typeset;

import static dev.brochure.typeset.Stage.at;
import static dev.brochure.typeset.Stage.items;
import static dev.brochure.typeset.Stage.p;
import static dev.brochure.typeset.Stage.runs;
import static dev.brochure.typeset.Stage.section;
import static dev.brochure.typeset.Stage.spacer;
import static dev.brochure.typeset.Stage.style;
import static dev.brochure.typeset.Stage.text;
import static dev.brochure.typeset.Stage.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Fit;
import dev.brochure.layout.tree.Focus;
import dev.brochure.layout.tree.VAlign;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.vocab.ImageRef;
import dev.brochure.vocab.Insets;
import dev.brochure.vocab.Length;
import dev.brochure.vocab.Rgb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pages that end full and sections that flow on: what grows takes the space left at a page's
 * foot, feathering spreads it between blocks, sections may continue on the page before, rows
 * may split, blocks may be kept together, and a section that leaves its last page mostly empty
 * (or spills a few lines onto it) is warned about.
 */
class PageFillingTest {

    private static final double TOP = Stage.THEME.masters().get("body").margins().top();
    private static final double FOOT = TOP + Stage.BODY;
    private static final ImageRef PORTRAIT = new ImageRef("images/portrait.jpg", Path.of("portrait.jpg"), 600, 800,
            "jpeg");
    private static final Rgb TINT = Stage.THEME.colors().get("tint");

    private static Block.Image image(Length height, Double aspect, Focus focus, double grow) {
        return new Block.Image(PORTRAIT, Fit.COVER, Length.FULL, height, aspect, null, List.of(), style("caption"), 0,
                "A person", focus, grow, at(4));
    }

    private static double bottomOfText(Page page) {
        return items(page, PageItem.GlyphRun.class).stream().filter(r -> r.baseline() < FOOT)
                .mapToDouble(PageItem.GlyphRun::baseline).max().orElse(0);
    }

    @Test
    void aGrowingSpacerPushesWhatFollowsToTheFootOfThePage() {
        Page page = Stage.typeset(section("probe", true, p("Opening words.", 2),
                new Block.Spacer(10, 1, at(3)), p("Closing line at the foot.", 4))).document().pages().getFirst();
        double closing = runs(page, "Closing").getFirst().baseline();
        double leading = style("body").leading();
        assertTrue(closing > FOOT - leading && closing < FOOT, "the closing line sits on the last line of the page: "
                + closing + " vs foot " + FOOT);
    }

    @Test
    void aGrowingCoverImageFillsTheRestOfThePageAndKeepsItsFocusInView() {
        Page page = Stage.typeset(section("probe", true, p("A few words above the picture.", 2),
                image(null, 3.0, new Focus(0.5, 0.2), 1))).document().pages().getFirst();
        PageItem.PlacedImage placed = items(page, PageItem.PlacedImage.class).getFirst();
        assertEquals(FOOT, placed.clip().bottom(), 0.01, "the picture's frame reaches the foot of the type area");
        assertTrue(placed.clip().height() > Stage.WIDTH / 3 + 100, "and grew well beyond its 3:1 frame");
        // Cropped at the sides: the focus at 50% across keeps the middle, equal on both sides.
        assertEquals(placed.clip().x() - placed.x(), placed.x() + placed.width() - placed.clip().right(), 0.01);
    }

    @Test
    void aCropWithAFocusNearTheTopKeepsTheTop() {
        // A portrait in a wide frame loses height: with the focus at 20% down, a fifth of what is
        // cut goes from the top, four fifths from the bottom; with "top", nothing from the top.
        Page page = Stage.typeset(section("probe", true, image(null, 3.0, new Focus(0.5, 0.2), 0),
                image(null, 3.0, new Focus(0.5, 0), 0), image(null, 3.0, Focus.CENTER, 0))).document().pages()
                .getFirst();
        List<PageItem.PlacedImage> images = items(page, PageItem.PlacedImage.class);
        PageItem.PlacedImage fifth = images.get(0);
        double cut = fifth.height() - fifth.clip().height();
        assertEquals(0.2 * cut, fifth.clip().y() - fifth.y(), 0.01);
        PageItem.PlacedImage top = images.get(1);
        assertEquals(top.clip().y(), top.y(), 0.01, "the top of the head is kept");
        PageItem.PlacedImage centre = images.get(2);
        assertEquals(0.5 * cut, centre.clip().y() - centre.y(), 0.01);
    }

    @Test
    void growingSpaceIsSharedByWeightAndAPanelThatGrowsKeepsItsContentInPlace() {
        Block.Panel panel = new Block.Panel(TINT, null, 0, Insets.all(10), 0, 0, VAlign.TOP, 2,
                List.of(p("Inside the panel.", 3)), at(3));
        Page page = Stage.typeset(section("probe", true, p("First.", 2), new Block.Spacer(0, 1, at(2)), panel))
                .document().pages().getFirst();
        PageItem.Box box = items(page, PageItem.Box.class).stream().filter(b -> TINT.equals(b.fill())).findFirst()
                .orElseThrow();
        assertEquals(FOOT, box.rect().bottom(), 0.01, "the panel ends at the foot");
        double leading = style("body").leading();
        double gap = style("body").spaceAfter();
        double panelGrew = box.rect().height() - (leading + 20);
        double spacerGrew = box.rect().y() - (TOP + leading + gap + gap);
        assertEquals(2 * spacerGrew, panelGrew, 0.01, "the panel (weight 2) got twice what the spacer (weight 1) got");
        double baseline = runs(page, "First").getFirst().baseline() - TOP;
        assertEquals(box.rect().y() + 10 + baseline, runs(page, "Inside").getFirst().baseline(), 0.01,
                "the panel's text stays at its top");
    }

    @Test
    void textSetAgainToGrowIsReportedOnce() {
        Block.Panel panel = new Block.Panel(TINT, null, 0, Insets.all(10), 0, 0, VAlign.MIDDLE, 1,
                List.of(p("Inside the panel.", 3)), at(3));
        Block.Row row = new Block.Row(12, VAlign.TOP, true, List.of(new Block.Cell(null, 1, List.of(panel)),
                new Block.Cell(null, 1, List.of(p(words(40), 4)))), at(4));
        Typesetter.Result result = Stage.typeset(section("probe", true, p("First.", 2), row));
        assertEquals(3, result.typography().paragraphs().size(), result.typography().paragraphs().toString());
    }

    @Test
    void featheringSpreadsTheSpaceLeftBetweenBlocksAtMostByTheSectionsLimit() {
        Block[] blocks = Stage.repeat(8, i -> p(words(60), 2 + i)).toArray(Block[]::new);
        Page plain = Stage.typeset(section("probe", true, blocks)).document().pages().getFirst();
        Page feathered = Stage.typeset(section("probe", true, 200, blocks)).document().pages().getFirst();
        Page limited = Stage.typeset(section("probe", true, 3, blocks)).document().pages().getFirst();
        double natural = bottomOfText(plain);
        assertTrue(natural < FOOT - 60, "the paragraphs leave room: " + natural);
        double descent = FOOT - bottomOfText(feathered);
        assertTrue(descent > 0 && descent < style("body").leading(), "feathered, the last line ends the page");
        assertEquals(natural + 7 * 3, bottomOfText(limited), 0.01, "seven gaps, 3pt each at most");
    }

    @Test
    void featheringNeverOpensTheSpaceBetweenAHeadingAndItsText() {
        Block.Heading heading = new Block.Heading(2, style("h2"), text("A heading"), false, at(3));
        Block[] blocks = {p(words(60), 2), heading, p(words(60), 4), p(words(60), 5)};
        Page plain = Stage.typeset(section("probe", true, blocks)).document().pages().getFirst();
        Page feathered = Stage.typeset(section("probe", true, 30, blocks)).document().pages().getFirst();
        double before = runs(plain, "word0").get(1).baseline() - runs(plain, "A heading").getFirst().baseline();
        double after = runs(feathered, "word0").get(1).baseline() - runs(feathered, "A heading").getFirst().baseline();
        assertEquals(before, after, 0.01, "the heading stays as close to its text");
        assertTrue(runs(feathered, "A heading").getFirst().baseline() > runs(plain, "A heading").getFirst().baseline() + 20,
                "the space above the heading grew");
    }

    @Test
    void aRowGrowsWhereACellHoldsSomethingThatGrowsAndTheOtherCellsKeepTheirPlace() {
        Block.Row letter = new Block.Row(12, VAlign.TOP, false, List.of(
                new Block.Cell(null, 1, List.of(p("Sidebar.", 2))),
                new Block.Cell(null, 2, List.of(p(words(50), 3), new Block.Spacer(0, 1, at(4)), p("Signature", 5)))),
                at(2));
        Page page = Stage.typeset(section("probe", true, letter)).document().pages().getFirst();
        double leading = style("body").leading();
        double signature = runs(page, "Signature").getFirst().baseline();
        assertTrue(signature > FOOT - leading && signature < FOOT, "the signature closes the page: " + signature);
        assertTrue(runs(page, "Sidebar").getFirst().baseline() < TOP + leading, "the sidebar stays at the top");
    }

    @Test
    void aSectionMayContinueOnThePageTheOneBeforeEndedOn() {
        TypesetDocument doc = Stage.typeset(section("first", true, p("The first section.", 2)),
                section("second", false, p("The second section, on the same page.", 2)),
                section("third", true, p("The third starts a page.", 2))).document();
        assertEquals(2, doc.pages().size());
        Page first = doc.pages().getFirst();
        double a = runs(first, "first section").getFirst().baseline();
        double b = runs(first, "second section").getFirst().baseline();
        assertEquals(style("body").leading() * 3, b - a, 0.01, "two body lines between the sections");
        assertEquals(0, doc.destinations().stream().filter(d -> d.name().equals("second")).findFirst().orElseThrow()
                .pageIndex());
    }

    @Test
    void aSplitRowFlowsItsCellsOnSideBySide() {
        List<Block> left = Stage.repeat(14, i -> p(words(45), 10 + i));
        List<Block> right = Stage.repeat(10, i -> p(words(30), 30 + i));
        Block.Row row = new Block.Row(12, VAlign.TOP, false, true, List.of(new Block.Cell(null, 1, left),
                new Block.Cell(null, 1, right)), at(9));
        TypesetDocument doc = Stage.typeset(section("probe", true, p("Lead.", 2), row)).document();
        assertTrue(doc.pages().size() >= 2, "the row goes on to a second page");
        double middle = doc.pages().getFirst().width() / 2;
        for (Page page : doc.pages()) {
            assertTrue(items(page, PageItem.GlyphRun.class).stream().anyMatch(r -> r.text().startsWith("word")
                    && r.x() < middle), "left cell text on page " + page.number());
        }
        Page second = doc.pages().get(1);
        double top = items(second, PageItem.GlyphRun.class).stream().mapToDouble(PageItem.GlyphRun::baseline).min()
                .orElseThrow();
        assertTrue(top < TOP + style("body").leading(), "the row goes on at the top of the next page");
        // Without split the same row is one block taller than a page: an error that says what to do.
        Block.Row whole = new Block.Row(12, VAlign.TOP, false, false, row.cells(), at(9));
        BrochureException e = assertThrows(BrochureException.class,
                () -> Stage.typeset(section("probe", true, whole)));
        Diagnostic d = e.diagnostics().getFirst();
        assertTrue(d.message().contains("a <row> of section 'probe' is") && d.message().contains("tall"), d.message());
        assertTrue(d.hint().contains("split=\"true\"") && d.hint().contains("layout 'probe'"), d.hint());
    }

    @Test
    void aBlockKeptTogetherMovesOnWhole() {
        double leading = style("body").leading();
        Block para = p(words(80), 3);
        TypesetDocument broken = Stage.typeset(section("probe", true, spacer(Stage.BODY - 4.5 * leading), para))
                .document();
        assertFalse(runs(broken.pages().getFirst(), "word0").isEmpty(), "unkept, the paragraph starts at the foot");
        TypesetDocument kept = Stage.typeset(section("probe", true, spacer(Stage.BODY - 4.5 * leading),
                new Block.KeepTogether(para, at(3)))).document();
        assertTrue(runs(kept.pages().getFirst(), "word0").isEmpty(), "kept together, it moves on");
        assertFalse(runs(kept.pages().get(1), "word79").isEmpty());
    }

    @Test
    void aGridCentresOrSpreadsAnIncompleteLastRow() {
        for (Block.LastRow mode : Block.LastRow.values()) {
            List<Block.Cell> cards = Stage.repeat(7, i -> new Block.Panel(TINT, null, 0, Insets.all(6), 0, 0,
                    VAlign.TOP, List.of(p("Card " + i, 3)), at(3))).stream().map(b -> new Block.Cell(null, 1,
                            List.of(b))).toList();
            Block.Grid grid = new Block.Grid(3, 12, 12, VAlign.TOP, true, mode, cards, at(3));
            Page page = Stage.typeset(section("probe", true, grid)).document().pages().getFirst();
            List<PageItem.Box> boxes = items(page, PageItem.Box.class).stream().filter(b -> TINT.equals(b.fill()))
                    .toList();
            assertEquals(7, boxes.size());
            double cell = (Stage.WIDTH - 24) / 3;
            double left = Stage.THEME.masters().get("body").margins().left();
            PageItem.Box last = boxes.getLast();
            switch (mode) {
                case START -> {
                    assertEquals(left, last.rect().x(), 0.01);
                    assertEquals(cell, last.rect().width(), 0.01);
                }
                case CENTER -> {
                    assertEquals(page.width() / 2, last.rect().x() + last.rect().width() / 2, 0.01);
                    assertEquals(boxes.get(4).rect().x(), last.rect().x(), 0.01, "under the middle card");
                    assertEquals(cell, last.rect().width(), 0.01);
                }
                case SPREAD -> {
                    assertEquals(left, last.rect().x(), 0.01);
                    assertEquals(Stage.WIDTH, last.rect().width(), 0.01);
                }
            }
            assertTrue(boxes.get(6).rect().y() > boxes.get(3).rect().bottom(), "three rows");
        }
    }

    @Test
    void aSectionThatLeavesItsLastPageMostlyEmptyOrSpillsAFewLinesIsWarnedAbout() {
        var shortOne = Stage.staged(section("probe", true, p(words(40), 5)),
                section("next", true, Stage.repeat(40, i -> p(words(60), 2)).toArray(Block[]::new)));
        Diagnostic under = shortOne.warnings().stream().filter(d -> d.message().contains("'probe'")).findFirst()
                .orElseThrow(() -> new AssertionError(shortOne.warnings().toString()));
        assertTrue(under.message().contains("page 1") && under.message().contains("empty"), under.message());
        assertEquals(new dev.brochure.vocab.SourceLocation("sections/probe.yaml", 5, 1), under.where(),
                "at the YAML line of the content that ends the section");
        assertTrue(under.hint().contains("start: continue"), under.hint());

        double leading = style("body").leading();
        var spill = Stage.staged(section("spill", true, spacer(Stage.BODY - 6 * leading),
                p(words(110), 7)));
        assertTrue(spill.warnings().stream().anyMatch(d -> d.message().contains("section 'spill' spills onto page 2")
                && d.message().contains("lines")), spill.warnings().toString());

        var together = Stage.staged(section("short", true, p(words(40), 5)),
                section("next", false, Stage.repeat(8, i -> p(words(60), 2)).toArray(Block[]::new)));
        assertTrue(together.warnings().isEmpty(), "continued on the page, no warning: " + together.warnings());
    }
}
