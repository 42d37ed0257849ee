package dev.brochure.layout;

import dev.brochure.world.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentLoader;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Fit;
import dev.brochure.layout.tree.Focus;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.testing.TestProject;
import dev.brochure.world.ProjectFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vocabulary issue 14 added, read from a layout's output: tables, grids, QR codes, an
 * image's focus and growth, fit chosen by a content field, keep-together on any block, rows
 * that split, sections that feather, and how a section starts, also from its own YAML.
 */
class LayoutVocabularyTest {

    @TempDir
    Path temp;

    private static final String SCHEMA = "fields:\n  title: text\n  photo: image\n  fit: {type: choice, values: [cover, contain]}\n"
            + "  focus: plain\n  link: link\n";

    private TestProject project(String body, String section) {
        return TestProject.copy("minimal", temp)
                .write("brochure.yaml", "title: T\nsections:\n  - sections/probe.yaml\n  - sections/next.yaml\n")
                .write("sections/probe.yaml", "layout: probe\ntitle: Probe\nphoto: images/landscape.jpg\n" + section)
                .write("sections/next.yaml", "layout: probe\ntitle: Next\nphoto: images/landscape.jpg\nstart: continue\n")
                .write("layouts/probe.schema.yaml", SCHEMA)
                .write("layouts/probe.ftlx", "<section>" + body + "</section>\n");
    }

    private LayoutDocument layout(TestProject project) {
        Workspace files = project.workspace();
        BrochureContent content = ContentLoader.load(files).orThrow();
        return new LayoutEngine(files).layout(content).orThrow();
    }

    private List<Diagnostic> errors(TestProject project) {
        return assertThrows(BrochureException.class, () -> layout(project)).diagnostics();
    }

    @Test
    void aTableReadsColumnsHeadGroupsSpansAndStyles() {
        LayoutDocument doc = layout(project("""
                <table zebra="tint" rule="line" head-fill="#FFFFFF" padding="2pt 5pt" repeat-head="false">
                  <col width="auto"/><col width="2*"/><col width="20mm" align="numeric"/>
                  <head><tr><td>Code</td><td>Title</td><td>Credits</td></tr></head>
                  <group keep-together="true">
                    <tr><td colspan="3"><p style="h3">Semester 1</p></td></tr>
                    <tr><td rowspan="2">CS1</td><td>Intro</td><td>7.5</td></tr>
                    <tr><th>Lab</th><td align="center" valign="middle" fill="accent">2</td></tr>
                  </group>
                  <tr><td>CS2</td><td>Next</td><td>5</td></tr>
                </table>""", ""));
        Block.Table t = assertInstanceOf(Block.Table.class, doc.sections().getFirst().blocks().getFirst());
        assertEquals(3, t.columns().size());
        assertNull(t.columns().get(0).width());
        assertEquals(2, t.columns().get(1).weight());
        assertEquals(Block.CellAlign.NUMERIC, t.columns().get(2).align());
        assertEquals(1, t.head().size());
        assertEquals(2, t.body().size());
        assertTrue(t.body().get(0).keepTogether());
        assertEquals(3, t.body().get(0).rows().size());
        assertEquals(3, t.body().get(0).rows().get(0).cells().getFirst().colspan());
        assertEquals(2, t.body().get(0).rows().get(1).cells().getFirst().rowspan());
        Block.Table.TableCell lab = t.body().get(0).rows().get(2).cells().getFirst();
        assertEquals("table-head", assertInstanceOf(Block.Paragraph.class, lab.blocks().getFirst()).style().name());
        Block.Table.TableCell two = t.body().get(0).rows().get(2).cells().get(1);
        assertEquals(Block.CellAlign.CENTER, two.align());
        assertEquals(dev.brochure.layout.tree.VAlign.MIDDLE, two.valign());
        assertFalse(t.repeatHead());
        assertEquals(doc.theme().colors().get("tint"), t.zebra());
        assertEquals(5, t.padding().left());
    }

    @Test
    void aRowWiderThanTheTablesColumnsIsAnError() {
        List<Diagnostic> errors = errors(project("<table><col/><col/><tr><td colspan=\"2\">a</td><td>b</td></tr></table>",
                ""));
        assertTrue(errors.stream().anyMatch(d -> d.message().contains("needs 3 columns but the table has 2")),
                errors.toString());
    }

    @Test
    void aGridAQrCodeAndKeepTogetherAreRead() {
        List<Block> blocks = layout(project("""
                <grid columns="3" gap="4mm" last-row="center"><cell><p>a</p></cell><cell><p>b</p></cell></grid>
                <qr data="${section.link!'https://example.org/'}" size="30mm" error-correction="q" background="paper" quiet-zone="2"/>
                <p keep-together="true">${section.title}</p>""", "link: https://example.org/apply\n"))
                .sections().getFirst().blocks();
        Block.Grid grid = assertInstanceOf(Block.Grid.class, blocks.get(0));
        assertEquals(3, grid.columns());
        assertEquals(Block.LastRow.CENTER, grid.lastRow());
        assertEquals(2, grid.cells().size());
        Block.Qr qr = assertInstanceOf(Block.Qr.class, blocks.get(1));
        assertEquals("https://example.org/apply", qr.data());
        assertEquals('Q', qr.errorCorrection());
        assertEquals(2, qr.quietZone());
        Block.KeepTogether kept = assertInstanceOf(Block.KeepTogether.class, blocks.get(2));
        assertInstanceOf(Block.Paragraph.class, kept.block());
    }

    @Test
    void focusGrowAndFitMayComeFromContentAndAnAbsentOptionalFieldMeansTheDefault() {
        String image = "<image src=\"${section.photo}\" fit=\"${section.fit!}\" focus=\"${section.focus!}\" grow=\"1\"/>";
        Block.Image given = assertInstanceOf(Block.Image.class, layout(project(image, "fit: contain\nfocus: 50% 20%\n"))
                .sections().getFirst().blocks().getFirst());
        assertEquals(Fit.CONTAIN, given.fit());
        assertEquals(new Focus(0.5, 0.2), given.focus());
        assertEquals(1, given.grow());
        Block.Image absent = assertInstanceOf(Block.Image.class, layout(project(image, "")).sections().getFirst()
                .blocks().getFirst());
        assertEquals(Fit.COVER, absent.fit());
        assertEquals(Focus.CENTER, absent.focus());
        Block.Image words = assertInstanceOf(Block.Image.class, layout(project(image, "focus: right top\n"))
                .sections().getFirst().blocks().getFirst());
        assertEquals(new Focus(1, 0), words.focus());
        List<Diagnostic> bad = errors(project(image, "focus: 120% up\n"));
        assertTrue(bad.getFirst().message().contains("is not a focus point"), bad.toString());
    }

    @Test
    void splitRowsGrowingSpacersAndPanelsAndFeatheringAreRead() {
        LayoutSection s = layout(project("""
                <row split="true"><cell><p>a</p></cell></row>
                <spacer height="2mm" grow="2"/>
                <panel fill="tint" grow="1"><p>b</p></panel>""", "")).sections().getFirst();
        assertTrue(assertInstanceOf(Block.Row.class, s.blocks().get(0)).split());
        assertEquals(2, assertInstanceOf(Block.Spacer.class, s.blocks().get(1)).grow());
        assertEquals(1, assertInstanceOf(Block.Panel.class, s.blocks().get(2)).grow());
        LayoutSection feathered = layout(TestProject.copy("minimal", temp.resolve("f"))
                .write("brochure.yaml", "title: T\nsections:\n  - sections/probe.yaml\n")
                .write("sections/probe.yaml", "layout: probe\ntitle: Probe\nphoto: images/landscape.jpg\n")
                .write("layouts/probe.schema.yaml", SCHEMA)
                .write("layouts/probe.ftlx", "<section feather=\"6pt\"><p>x</p></section>\n")).sections().getFirst();
        assertEquals(6, feathered.feather());
        List<Diagnostic> bad = errors(project("<spacer grow=\"-1\"/>", ""));
        assertTrue(bad.getFirst().message().contains("grow='-1'"), bad.toString());
    }

    @Test
    void aSectionsYamlMayLetItContinueOnThePageBeforeOverridingTheLayout() {
        LayoutDocument doc = layout(project("<p>${section.title}</p>", ""));
        assertTrue(doc.sections().get(0).newPage());
        assertFalse(doc.sections().get(1).newPage(), "start: continue in next.yaml");
        LayoutDocument forced = layout(project("<p>${section.title}</p>", "").write("layouts/probe.ftlx",
                "<section start=\"continue\"><p>${section.title}</p></section>\n")
                .write("sections/next.yaml", "layout: probe\ntitle: Next\nphoto: images/landscape.jpg\nstart: page\n"));
        assertFalse(forced.sections().get(0).newPage(), "the layout says continue");
        assertTrue(forced.sections().get(1).newPage(), "the YAML says page, and wins");
        List<Diagnostic> bad = assertThrows(BrochureException.class, () -> layout(project("<p>x</p>", "")
                .write("sections/next.yaml", "layout: probe\ntitle: Next\nphoto: images/landscape.jpg\nstart: contine\n")))
                .diagnostics();
        assertEquals(4, bad.getFirst().where().line());
        assertTrue(bad.getFirst().message().contains("start must be 'page' or 'continue'"), bad.toString());
        assertTrue(bad.getFirst().hint().contains("continue"), bad.getFirst().hint());
    }
}
