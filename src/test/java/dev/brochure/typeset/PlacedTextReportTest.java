package dev.brochure.typeset;

import dev.brochure.world.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentLoader;
import dev.brochure.world.ProjectFiles;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.vocab.Rgb;
import dev.brochure.vocab.Theme;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Inline;
import dev.brochure.vocab.Insets;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.layout.tree.VAlign;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.quality.TypographyReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typography report is computed from the typeset document: one record per paragraph as
 * placed. The layouts are built here block by block; the theme (the default one) and document
 * settings come from the minimal fixture.
 */
class PlacedTextReportTest {

    private static final String LONG = "The power of AI should not be confined to a few laboratories: we build methods "
            + "that scale from a single graphics card to a cluster, so that the whole community can use, test and "
            + "improve them, and we publish the code with every paper we write.";

    @TempDir
    Path temp;

    private BrochureContent content;
    private Workspace workspace;

    @BeforeEach
    void loadTheme() {
        workspace = TestProject.copy("minimal", temp).workspace();
        content = ContentLoader.load(workspace).orThrow();
    }

    private static SourceLocation at(int line, int column) {
        return new SourceLocation("sections/probe.yaml", line, column);
    }

    private static List<Inline> text(String s) {
        return List.of(new Inline.Run(s, false, false, null, null));
    }

    private Block.Paragraph paragraph(String style, String text, SourceLocation where) {
        return new Block.Paragraph(content.theme().styles().get(style), null, text(text), where);
    }

    private Block.Panel panel(List<Block> blocks, SourceLocation where) {
        return new Block.Panel(Rgb.parse("#18453B").orElseThrow(), null, 0, Insets.all(10), 4, 0, VAlign.TOP, blocks,
                where);
    }

    /** A heading, a row of two panels (a short one and a long one), and a paragraph after the row. */
    private List<Block> panelsInARow(boolean equalHeight) {
        Theme theme = content.theme();
        Block.Heading heading = new Block.Heading(2, theme.styles().get("h2"), text("Two ways to work"), false, at(2, 8));
        Block.Row row = new Block.Row(12, VAlign.TOP, equalHeight, List.of(
                new Block.Cell(null, 1, List.of(panel(List.of(paragraph("panel-title", "Trustworthy AI", at(4, 12)),
                        paragraph("small", "A short panel.", at(5, 11))), at(3, 5)))),
                new Block.Cell(null, 1, List.of(panel(List.of(paragraph("panel-body", LONG, at(7, 11))), at(6, 5))))),
                at(3, 3));
        return List.of(heading, row, paragraph("body", "After the row, the running text goes on.", at(9, 7)));
    }

    private Typesetter.Result typeset(List<Block> blocks) {
        LayoutSection section = new LayoutSection("probe", "Probe", content.theme().masters().get("body"), true, blocks,
                at(1, 1), "probe");
        return Typesetter.typeset(new LayoutDocument(content.info(), content.theme(), List.of(section)),
                TypesetOptions.defaults(), workspace).orThrow();
    }

    @Test
    void panelsStretchedToTheirRowsHeightAreReportedOnceEachWithTheirYamlPlace() {
        Typesetter.Result result = typeset(panelsInARow(true));
        TypographyReport report = result.typography();
        List<SourceLocation> where = report.paragraphs().stream().map(TypographyReport.Paragraph::where).toList();
        assertEquals(List.of(at(2, 8), at(4, 12), at(5, 11), at(7, 11), at(9, 7)), where,
                "each paragraph once, in reading order, at its own place");
        assertEquals(5, report.totals().paragraphs());

        // The long panel text's lines as drawn (9.5pt panel-body, the only text of that size).
        Page page = result.document().pages().getFirst();
        TreeSet<Double> baselines = new TreeSet<>();
        for (PageItem item : page.items()) {
            if (item instanceof PageItem.GlyphRun run && run.size() == 9.5) {
                baselines.add(Math.round(run.baseline() * 100) / 100.0);
            }
        }
        TypographyReport.Paragraph panelText = report.paragraphs().get(3);
        assertTrue(baselines.size() >= 4, "the panel text takes several lines: " + baselines);
        assertEquals(baselines.size(), panelText.lines(), "the report counts the lines on the page");
        assertEquals(panelText.lines() - 1, panelText.raggedLines());
        assertEquals(report.paragraphs().stream().mapToInt(TypographyReport.Paragraph::lines).sum(),
                report.totals().lines());
    }

    @Test
    void stretchingPanelsChangesNothingInTheReport() {
        TypographyReport stretched = typeset(panelsInARow(true)).typography();
        TypographyReport asTall = typeset(panelsInARow(false)).typography();
        assertEquals(asTall.paragraphs(), stretched.paragraphs());
        assertEquals(asTall.totals(), stretched.totals());
    }

    @Test
    void aHeadingThatABreakLeavesAtAColumnFootIsCountedThere() {
        Theme theme = content.theme();
        Block.Heading heading = new Block.Heading(2, theme.styles().get("h2"), text("Left behind"), false, at(2, 8));
        List<Block> blocks = new ArrayList<>(List.of(heading, new Block.PageBreak(at(3, 3)),
                paragraph("body", LONG, at(4, 7))));
        TypographyReport report = typeset(blocks).typography();
        assertEquals(1, report.totals().headingsAtFoot());
        TypographyReport.Paragraph first = report.paragraphs().getFirst();
        assertEquals(at(2, 8), first.where());
        assertEquals(1, first.headingsAtFoot());

        // Kept with its text, or last in its section, a heading is at no column foot.
        blocks.remove(1);
        assertEquals(0, typeset(blocks).typography().totals().headingsAtFoot());
        assertEquals(0, typeset(List.of(paragraph("body", LONG, at(4, 7)), heading, new Block.PageBreak(at(3, 3))))
                .typography().totals().headingsAtFoot());
    }
}
