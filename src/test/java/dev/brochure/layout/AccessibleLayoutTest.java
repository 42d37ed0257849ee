package dev.brochure.layout;

import dev.brochure.world.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentLoader;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Inline;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.testing.TestProject;
import dev.brochure.world.ProjectFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the layout vocabulary says for readers who cannot see the page: a picture's description
 * (the layout's {@code alt}, else the content's), a decorative picture, a sidebar read after its
 * row ({@code <cell aside>}), text in another language ({@code <span lang>}).
 */
class AccessibleLayoutTest {

    @TempDir
    Path temp;

    private static final String ARTICLE_SCHEMA = "fields:\n  title: text\n  kicker: plain\n  intro: text\n"
            + "  highlights: {type: list, of: text}\n  photo: image\n  caption: text\n"
            + "  paragraphs: {type: list, of: text}\n";

    private TestProject project(String template) {
        return TestProject.copy("minimal", temp).write("layouts/article.schema.yaml", ARTICLE_SCHEMA)
                .write("layouts/article.ftlx", template);
    }

    private LayoutDocument layout(TestProject project) {
        Workspace files = project.workspace();
        BrochureContent content = ContentLoader.load(files).orThrow();
        return new LayoutEngine(files).layout(content).orThrow();
    }

    private List<Diagnostic> errors(TestProject project) {
        return assertThrows(BrochureException.class, () -> layout(project)).diagnostics();
    }

    private LayoutSection story(String template) {
        return layout(project(template)).sections().get(1);
    }

    @Test
    void aPictureIsDescribedByTheLayoutsAltElseByTheContentsOwn() {
        LayoutSection story = story("<section><image src=\"${section.photo}\"/>"
                + "<image src=\"${section.photo}\" alt=\"${section.kicker}\"/>"
                + "<image src=\"${section.photo}\" decorative=\"true\"/></section>\n");
        List<String> alts = story.blocks().stream().map(b -> ((Block.Image) b).alt()).toList();
        assertEquals(List.of("Rolling green hills in a wide frame", "Chapter one", ""), alts,
                "the content's description, the layout's, and none for decoration");
    }

    @Test
    void aPictureNothingDescribesIsAnErrorOfTheLayout() {
        List<Diagnostic> errors = errors(project("<section><image src=\"images/landscape.jpg\"/></section>\n"));
        Diagnostic d = errors.getFirst();
        assertTrue(d.message().contains("the picture 'images/landscape.jpg' has no description"), d.message());
        assertTrue(d.where().file().endsWith("article.ftlx"), d.where().toString());
        assertTrue(d.hint().contains("decorative=\"true\""), d.hint());

        Diagnostic both = errors(project("<section><image src=\"${section.photo}\" alt=\"Hills\" decorative=\"true\"/>"
                + "</section>\n")).getFirst();
        assertTrue(both.message().contains("either decorative or has an alt text"), both.message());
    }

    @Test
    void anAsideCellIsMarkedSoItsRowIsReadFirst() {
        LayoutSection story = story("<section><row><cell aside=\"true\"><p>Side</p></cell><cell><p>Main</p></cell>"
                + "</row></section>\n");
        Block.Row row = (Block.Row) story.blocks().getFirst();
        assertTrue(row.cells().get(0).aside());
        assertFalse(row.cells().get(1).aside());
    }

    @Test
    void aSpanInAnotherLanguageSaysWhichAndABadTagIsAnError() {
        LayoutSection story = story("<section><p>Hello <span lang=\"de-DE\">Guten <b>Tag</b></span> again</p>"
                + "</section>\n");
        List<Inline> text = ((Block.Paragraph) story.blocks().getFirst()).text();
        List<String> langs = text.stream().map(i -> ((Inline.Run) i).lang()).toList();
        assertEquals(java.util.Arrays.asList(null, "de-DE", "de-DE", null), langs, "bold inside the span keeps its language");

        Diagnostic bad = errors(project("<section><p><span lang=\"not a tag\">x</span></p></section>\n")).getFirst();
        assertTrue(bad.message().contains("lang=\"not a tag\" is not a language tag"), bad.message());
        Diagnostic empty = errors(project("<section><p><span lang=\"\">x</span></p></section>\n")).getFirst();
        assertTrue(empty.message().contains("lang is empty"), empty.message());
    }

    @Test
    void runsOutsideSpansHaveNoLanguageOfTheirOwn() {
        LayoutSection story = story("<section><p>${section.title}</p></section>\n");
        Inline.Run run = (Inline.Run) ((Block.Paragraph) story.blocks().getFirst()).text().getFirst();
        assertNull(run.lang());
    }
}
