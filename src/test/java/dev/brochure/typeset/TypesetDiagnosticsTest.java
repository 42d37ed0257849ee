package dev.brochure.typeset;

import dev.brochure.world.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentLoader;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.diag.Staged;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Inline;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.quality.TypographyReport;
import dev.brochure.vocab.Length;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.vocab.TextStyle;
import dev.brochure.world.ProjectFiles;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The typeset stage on a layout built here as records: it returns its result with every error and
 * warning, each at the {@link SourceLocation} its block carries, and its report rows keep them.
 */
class TypesetDiagnosticsTest {

    private static BrochureContent content;
    private static Workspace workspace;

    private static final SourceLocation NO_GLYPH = new SourceLocation("sections/a.yaml", 3, 5);
    private static final SourceLocation TALL = new SourceLocation("sections/b.yaml", 6, 9);
    private static final SourceLocation NARROW = new SourceLocation("sections/c.yaml", 4, 7);

    @BeforeAll
    static void theme() {
        workspace = Workspace.create(TestProject.FIXTURES.resolve("minimal"), TestProject.REPO, java.util.Map.of(), TestProject.REPO);
        content = ContentLoader.load(workspace).orThrow();
    }

    private static LayoutSection section(String id, Block... blocks) {
        return new LayoutSection(id, id, content.theme().masters().get("body"), true, List.of(blocks),
                new SourceLocation("sections/" + id + ".yaml", 1, 1), "layouts/test.ftlx");
    }

    private static Block.Paragraph paragraph(String text, SourceLocation where) {
        TextStyle body = content.theme().styles().get("body");
        return new Block.Paragraph(body, null, List.of(new Inline.Run(text, false, false, null, null)), where);
    }

    private static Staged<Typesetter.Result> typeset(LayoutSection... sections) {
        return Typesetter.typeset(new LayoutDocument(content.info(), content.theme(), List.of(sections)),
                TypesetOptions.defaults(), workspace);
    }

    @Test
    void everyProblemOfEverySectionIsReturnedAtItsPlace() {
        Block.Row narrow = new Block.Row(0, dev.brochure.layout.tree.VAlign.TOP, false, List.of(
                new Block.Cell(Length.points(30), 1, List.of(paragraph("Pneumonoultramicroscopicsilicovolcanoconiosis",
                        NARROW)))), NARROW);
        Staged<Typesetter.Result> staged = typeset(
                section("a", paragraph("A character \u4E00 no font of the theme has.", NO_GLYPH)),
                section("b", new Block.Spacer(5000, TALL)),
                section("c", narrow));

        List<Diagnostic> errors = staged.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(List.of(NO_GLYPH, TALL), errors.stream().map(Diagnostic::where).toList(), errors.toString());
        assertTrue(errors.get(0).message().contains("has no glyph"), errors.get(0).format());
        assertTrue(errors.get(1).message().contains("is 5000pt tall"), errors.get(1).format());
        // (Each probe section also leaves its page nearly empty, which is warned about at its end.)
        List<Diagnostic> warnings = staged.warnings().stream().filter(d -> !d.message().contains("empty")).toList();
        assertEquals(List.of(NARROW), warnings.stream().map(Diagnostic::where).toList(), warnings.toString());
        assertTrue(warnings.getFirst().message().contains("wider than its"), warnings.getFirst().format());

        assertNotNull(staged.value(), "the stage returns what it set, errors and all");
        TypographyReport.Paragraph row = staged.value().typography().paragraphs().stream()
                .filter(p -> p.preview().startsWith("Pneumono")).findFirst().orElseThrow();
        assertEquals(NARROW, row.where(), "the report row keeps the block's location");
        assertEquals(1, row.overfull());
    }

    @Test
    void warningsComeWithAResultThatHasNoErrors() {
        Block.Row narrow = new Block.Row(0, dev.brochure.layout.tree.VAlign.TOP, false, List.of(
                new Block.Cell(Length.points(30), 1, List.of(paragraph("Floccinaucinihilipilification", NARROW)))),
                NARROW);
        Staged<Typesetter.Result> staged = typeset(section("c", narrow));
        assertEquals(1, staged.warnings().stream().filter(d -> !d.message().contains("empty")).count(),
                staged.diagnostics().toString());
        assertEquals(staged.value(), staged.orThrow(), "warnings alone do not stop the pipeline");
    }

    @Test
    void errorsStopTheWayOut() {
        Staged<Typesetter.Result> staged = typeset(section("b", new Block.Spacer(5000, TALL)));
        BrochureException e = org.junit.jupiter.api.Assertions.assertThrows(BrochureException.class, staged::orThrow);
        assertEquals(TALL, e.diagnostics().getFirst().where());
    }
}
