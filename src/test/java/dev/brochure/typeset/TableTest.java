package dev.brochure.typeset;

import static dev.brochure.typeset.Stage.at;
import static dev.brochure.typeset.Stage.items;
import static dev.brochure.typeset.Stage.runs;
import static dev.brochure.typeset.Stage.section;
import static dev.brochure.typeset.Stage.spacer;
import static dev.brochure.typeset.Stage.style;
import static dev.brochure.typeset.Stage.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Block.CellAlign;
import dev.brochure.layout.tree.Block.Table;
import dev.brochure.layout.tree.VAlign;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.vocab.Insets;
import dev.brochure.vocab.Length;
import dev.brochure.vocab.Rgb;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tables, built as layout blocks and typeset: the head repeated on every page the table goes on
 * to, column and row spans, zebra stripes, figures lined up on their decimal point, row groups
 * that keep together or keep their first row with the next, and column widths.
 */
class TableTest {

    private static final Rgb ZEBRA = Stage.THEME.colors().get("tint");
    private static final Rgb LINE = Stage.THEME.colors().get("line");

    private static Table.TableCell cell(String s) {
        return cell(s, 1, 1);
    }

    private static Table.TableCell cell(String s, int colspan, int rowspan) {
        return new Table.TableCell(colspan, rowspan, null, VAlign.TOP, null,
                List.of(new Block.Paragraph(style("table-cell"), null, text(s), at(7))), at(7));
    }

    private static Table.TableRow row(Table.TableCell... cells) {
        return new Table.TableRow(List.of(cells), at(7));
    }

    private static Table.TableRow row(String... cells) {
        return row(java.util.Arrays.stream(cells).map(TableTest::cell).toArray(Table.TableCell[]::new));
    }

    private static Table.RowGroup single(Table.TableRow row) {
        return new Table.RowGroup(List.of(row), false);
    }

    private static Table table(List<Table.Column> columns, List<Table.TableRow> head, List<Table.RowGroup> body) {
        return new Table(columns, head, body, Length.FULL, style("table-cell"), style("table-head"), new Insets(3, 4, 3, 4),
                ZEBRA, null, LINE, 0.5, true, at(5));
    }

    private static List<Table.Column> auto(int n) {
        List<Table.Column> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Table.Column(null, 0, CellAlign.LEFT));
        }
        return out;
    }

    /** A course plan: code, title, credits, assessment; {@code n} courses. */
    private static Table coursePlan(int n) {
        List<Table.RowGroup> body = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            body.add(single(row("CS" + (100 + i), "Course number " + i + " of the programme", "7.5", "Exam")));
        }
        return table(auto(4), List.of(row("Code", "Title", "Credits", "Assessment")), body);
    }

    private static TypesetDocument typeset(Block... blocks) {
        return Stage.typeset(section("probe", true, blocks)).document();
    }

    @Test
    void theHeadIsRepeatedAtTheTopOfEveryPageTheTableGoesOnTo() {
        TypesetDocument doc = typeset(coursePlan(90));
        assertTrue(doc.pages().size() >= 2, "ninety courses take more than a page: " + doc.pages().size());
        for (Page page : doc.pages()) {
            List<PageItem.GlyphRun> heads = runs(page, "Assessment");
            assertEquals(1, heads.size(), "one head on page " + page.number());
            PageItem.GlyphRun head = heads.getFirst();
            double firstCourse = items(page, PageItem.GlyphRun.class).stream().filter(r -> r.text().startsWith("CS"))
                    .mapToDouble(PageItem.GlyphRun::baseline).min().orElseThrow();
            assertTrue(head.baseline() < firstCourse, "the head sits above the courses on page " + page.number());
            // No text of the table stands above its head (the head row is the table's first).
            List<String> above = items(page, PageItem.GlyphRun.class).stream()
                    .filter(r -> r.baseline() < head.baseline() - 0.01)
                    .map(r -> r.text() + " @" + r.baseline()).toList();
            assertEquals(List.of(), above, "the head is at the top of the table on page " + page.number());
            assertEquals(4, items(page, PageItem.GlyphRun.class).stream()
                    .filter(r -> Math.abs(r.baseline() - head.baseline()) < 0.01).count(), "the head's four cells");
        }
        // Every course is on exactly one page, in order.
        List<String> codes = doc.pages().stream().flatMap(p -> items(p, PageItem.GlyphRun.class).stream())
                .map(PageItem.GlyphRun::text).filter(t -> t.matches("CS\\d+")).toList();
        assertEquals(90, codes.size());
        assertEquals("CS100", codes.getFirst());
        assertEquals("CS189", codes.getLast());
    }

    @Test
    void rulesFrameTheHeadAndEndEveryRowAndTheHeadRepeatsOnlyWhenAsked() {
        TypesetDocument doc = typeset(coursePlan(4));
        Page page = doc.pages().getFirst();
        List<PageItem.Line> rules = items(page, PageItem.Line.class).stream().filter(l -> LINE.equals(l.color()))
                .toList();
        assertEquals(2 + 4, rules.size(), "above and below the head, below each of the four rows");
        assertEquals(1.0, rules.getFirst().width(), 0.001, "the head's rules are twice as heavy");
        assertEquals(1.0, rules.getLast().width(), 0.001, "and so is the table's last");
        assertEquals(0.5, rules.get(2).width(), 0.001);

        Table once = new Table(coursePlan(90).columns(), coursePlan(90).head(), coursePlan(90).body(), Length.FULL,
                style("table-cell"), style("table-head"), new Insets(3, 4, 3, 4), ZEBRA, null, LINE, 0.5, false, at(5));
        TypesetDocument twoPages = typeset(once);
        assertEquals(1, runs(twoPages.pages().getFirst(), "Assessment").size());
        assertTrue(runs(twoPages.pages().get(1), "Assessment").isEmpty(), "repeat-head=\"false\": not repeated");
    }

    @Test
    void bodyRowsAreStripedAlternately() {
        TypesetDocument doc = typeset(coursePlan(6));
        Page page = doc.pages().getFirst();
        List<PageItem.Box> stripes = items(page, PageItem.Box.class).stream().filter(b -> ZEBRA.equals(b.fill()))
                .sorted(Comparator.comparingDouble(b -> b.rect().y())).toList();
        List<Double> rows = items(page, PageItem.GlyphRun.class).stream().filter(r -> r.text().matches("CS\\d+"))
                .map(PageItem.GlyphRun::baseline).sorted().toList();
        assertEquals(6, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            double baseline = rows.get(i);
            boolean striped = stripes.stream().anyMatch(b -> b.rect().y() < baseline && b.rect().bottom() > baseline);
            assertEquals(i % 2 == 0, striped, "row " + i + " striped every other row, the first one striped");
        }
    }

    @Test
    void figuresInANumericColumnLineUpOnTheirDecimalPoint() {
        List<Table.Column> columns = List.of(new Table.Column(null, 1, CellAlign.LEFT),
                new Table.Column(Length.points(80), 0, CellAlign.NUMERIC));
        Table t = table(columns, List.of(row("Course", "Credits")), List.of(single(row("A", "7.5")),
                single(row("B", "120.25")), single(row("C", "3")), single(row("D", "15.0"))));
        Page page = typeset(t).pages().getFirst();
        double point = decimalX(runs(page, "7.5").getFirst());
        assertEquals(point, decimalX(runs(page, "120.25").getFirst()), 0.01);
        assertEquals(point, decimalX(runs(page, "15.0").getFirst()), 0.01);
        PageItem.GlyphRun three = runs(page, "3").stream().filter(r -> r.text().equals("3")).findFirst().orElseThrow();
        assertEquals(point, three.x() + three.width(), 0.01, "a whole number ends where the others' points are");
        PageItem.GlyphRun widest = runs(page, "120.25").getFirst();
        double right = Stage.THEME.masters().get("body").margins().left() + Stage.WIDTH - 4;
        assertEquals(right, widest.x() + widest.width(), 0.01, "the widest figure is flush right in its cell");
        PageItem.GlyphRun head = runs(page, "Credits").getFirst();
        assertEquals(right, head.x() + head.width(), 0.01, "the head of a numeric column is set flush right");
    }

    private static double decimalX(PageItem.GlyphRun run) {
        int dot = run.text().indexOf('.');
        for (int i = 0; i < run.glyphs().length; i++) {
            if (run.clusters()[i] == dot) {
                return run.x() + run.positions()[i];
            }
        }
        throw new AssertionError("no point in " + run.text());
    }

    @Test
    void cellsSpanColumnsAndRows() {
        // | A (2 rows) | B        | C |
        // |            | D (2 columns) |
        // | E          | F        | G |
        Table.TableCell a = new Table.TableCell(1, 2, null, VAlign.TOP, Rgb.parse("#FF0000").orElseThrow(),
                List.of(new Block.Paragraph(style("table-cell"), null, text("A"), at(7))), at(7));
        Table.TableCell d = new Table.TableCell(2, 1, null, VAlign.TOP, Rgb.parse("#0000FF").orElseThrow(),
                List.of(new Block.Paragraph(style("table-cell"), null, text("D"), at(7))), at(7));
        List<Table.Column> columns = List.of(new Table.Column(Length.points(100), 0, CellAlign.LEFT),
                new Table.Column(Length.points(150), 0, CellAlign.LEFT), new Table.Column(Length.points(200), 0,
                        CellAlign.LEFT));
        Table t = table(columns, List.of(), List.of(single(row(a, cell("B"), cell("C"))), single(row(d)),
                single(row("E", "F", "G"))));
        Page page = typeset(t).pages().getFirst();
        double left = Stage.THEME.masters().get("body").margins().left();
        PageItem.Box red = items(page, PageItem.Box.class).stream()
                .filter(b -> b.fill() != null && b.fill().red() == 255 && b.fill().blue() == 0).findFirst().orElseThrow();
        PageItem.Box blue = items(page, PageItem.Box.class).stream()
                .filter(b -> b.fill() != null && b.fill().blue() == 255 && b.fill().red() == 0).findFirst().orElseThrow();
        assertEquals(350, blue.rect().width(), 0.01, "D spans the second and third columns");
        assertEquals(left + 100, blue.rect().x(), 0.01, "beside A, which spans down into D's row");
        assertEquals(blue.rect().bottom(), red.rect().bottom(), 0.01, "A spans B's row and D's");
        double e = runs(page, "E").getFirst().x();
        assertEquals(left + 4, e, 0.01, "E starts the third row in the first column again");
        assertTrue(runs(page, "D").getFirst().baseline() > runs(page, "B").getFirst().baseline());
    }

    @Test
    void columnsTakeTheirWidthFromTheContentOrAsGiven() {
        List<Table.Column> columns = List.of(new Table.Column(null, 0, CellAlign.LEFT),
                new Table.Column(null, 1, CellAlign.LEFT), new Table.Column(Length.points(60), 0, CellAlign.LEFT));
        Table t = table(columns, List.of(), List.of(single(row("CS101", "A long title that takes the room left", "x"))));
        Page page = typeset(t).pages().getFirst();
        PageItem.GlyphRun code = runs(page, "CS101").getFirst();
        PageItem.GlyphRun title = runs(page, "A long").getFirst();
        PageItem.GlyphRun x = runs(page, "x").stream().filter(r -> r.text().equals("x")).findFirst().orElseThrow();
        double left = Stage.THEME.masters().get("body").margins().left();
        assertEquals(left + 4 + code.width() + 4 + 4, title.x(), 0.05, "the code column is as wide as its content");
        assertEquals(left + Stage.WIDTH - 60 + 4, x.x(), 0.05, "the last column is 60pt wide");
    }

    /** A group heading row and five course rows. */
    private static List<Table.TableRow> semesterTwo() {
        List<Table.TableRow> rows = new ArrayList<>();
        rows.add(row("Semester 2", "", "", ""));
        for (int i = 0; i < 5; i++) {
            rows.add(row("CS2" + i, "Second semester course " + i, "5", "Project"));
        }
        return rows;
    }

    @Test
    void aGroupThatKeepsTogetherMovesOnWholeAndAGroupNeverLeavesItsFirstRowBehind() {
        List<Table.TableRow> rows = semesterTwo();
        // Fill the page so that only about three rows fit at its foot.
        for (boolean keep : List.of(true, false)) {
            Table t = table(auto(4), List.of(row("Code", "Title", "Credits", "Assessment")),
                    List.of(new Table.RowGroup(rows, keep)));
            TypesetDocument doc = typeset(spacer(Stage.BODY - 80), t);
            Page first = doc.pages().getFirst();
            if (keep) {
                assertTrue(runs(first, "Semester 2").isEmpty() && runs(first, "CS2").isEmpty(),
                        "the whole group moved on");
                assertEquals(6, runs(doc.pages().get(1), "Semester 2").size() + runs(doc.pages().get(1), "CS2").size());
            } else {
                assertFalse(runs(first, "CS20").isEmpty(), "the group may break");
                assertFalse(runs(first, "Semester 2").isEmpty());
                assertTrue(runs(doc.pages().get(1), "Semester 2").isEmpty());
            }
        }
        // With room for the head and one row only, the group heading does not stay behind alone.
        Table t = table(auto(4), List.of(row("Code", "Title", "Credits", "Assessment")),
                List.of(new Table.RowGroup(rows, false)));
        TypesetDocument doc = typeset(spacer(Stage.BODY - 40), t);
        assertTrue(runs(doc.pages().getFirst(), "Semester 2").isEmpty(), "no group heading stranded at the foot");
        assertFalse(runs(doc.pages().get(1), "Semester 2").isEmpty());
    }

    /** Wherever the page ends, a group that breaks takes at least two of its rows to the next page. */
    @Test
    void aGroupNeverLeavesItsLastRowAloneOnTheNextPage() {
        List<Table.TableRow> rows = semesterTwo();
        rows.add(row("", "Total", "25", ""));
        Table t = table(auto(4), List.of(row("Code", "Title", "Credits", "Assessment")),
                List.of(new Table.RowGroup(rows, false)));
        int split = 0;
        for (int room = 30; room <= 200; room += 4) {
            TypesetDocument doc = typeset(spacer(Stage.BODY - room), t);
            if (doc.pages().size() < 2) {
                continue;
            }
            Page next = doc.pages().get(1);
            int moved = runs(next, "CS2").size() + runs(next, "Total").size() + runs(next, "Semester 2").size();
            if (moved > 0 && moved < rows.size()) {
                split++;
                assertTrue(moved >= 2, "with " + room + " pt left, only " + moved + " row went on to the next page");
            }
        }
        assertTrue(split >= 3, "the group broke at several places: " + split);
    }
}
