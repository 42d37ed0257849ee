package dev.brochure.typeset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentLoader;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.diag.Diagnostic;
import dev.brochure.diag.Staged;
import dev.brochure.layout.tree.Block;
import dev.brochure.layout.tree.Inline;
import dev.brochure.layout.tree.LayoutDocument;
import dev.brochure.layout.tree.LayoutSection;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.flow.SharedSections;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.TypesetDocument;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.vocab.Theme;
import dev.brochure.world.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines and boxes of a section every copy of a batch shares are set once, and land where they belong in each copy. */
class SharedSectionsTest {

    private static final SourceLocation AT = new SourceLocation("sections/s.yaml", 4, 3);

    @TempDir
    Path temp;

    private BrochureContent loaded;
    private Workspace workspace;

    @BeforeEach
    void theme() {
        workspace = Workspace.create(TestProject.copy("minimal", temp).content(), TestProject.REPO, java.util.Map.of(),
                TestProject.REPO);
        loaded = ContentLoader.load(workspace).orThrow();
    }

    private LayoutSection section(String id, boolean newPage, String text) {
        Theme theme = loaded.theme();
        Block paragraph = new Block.Paragraph(theme.styles().get("body"), null,
                List.of(new Inline.Run(text, false, false, null, null)), AT);
        return new LayoutSection(id, id, theme.masters().get("body"), newPage, List.of(paragraph), AT, "builtin:x");
    }

    private LayoutDocument document(LayoutSection... sections) {
        return new LayoutDocument(loaded.info(), loaded.theme(), List.of(sections));
    }

    /** The body text of a page: its glyph runs above the running footer (which each copy sets itself). */
    private static List<PageItem.GlyphRun> runs(TypesetDocument doc, int page) {
        double foot = doc.pages().get(page).height() - 60;
        return doc.pages().get(page).items().stream().filter(PageItem.GlyphRun.class::isInstance)
                .map(PageItem.GlyphRun.class::cast).filter(r -> r.baseline() < foot).toList();
    }

    @Test
    void aSharedSectionIsSetOnceAndPlacedInEachCopyAsIfSetThere() {
        String words = "These words are the same in every copy of the brochure, long enough to be broken into "
                + "several justified lines by the line breaker, with hyphenation where it helps the spacing.";
        LayoutSection shared = section("shared", true, words);
        LayoutSection ada = section("ada", true, "A page for Ada alone.");
        LayoutSection alan = section("alan", false, "Alan's words go on the first page, before the shared ones.");
        SharedSections cache = new SharedSections(Set.of(shared)::contains);

        TypesetDocument one = Typesetter.typesetCopy(document(ada, shared), TypesetOptions.defaults(), workspace, cache).orThrow();
        TypesetDocument two = Typesetter.typesetCopy(document(alan, shared), TypesetOptions.defaults(), workspace, cache).orThrow();

        List<PageItem.GlyphRun> inOne = runs(one, 1);
        List<PageItem.GlyphRun> inTwo = runs(two, 1);
        assertEquals(inOne.size(), inTwo.size());
        for (int i = 0; i < inOne.size(); i++) {
            assertSame(inOne.get(i).glyphs(), inTwo.get(i).glyphs(), "the same set line, not set again");
        }
        TypesetDocument alone = Typesetter.typeset(document(ada, shared), TypesetOptions.defaults(), workspace).orThrow().document();
        List<PageItem.GlyphRun> fresh = runs(alone, 1);
        assertEquals(fresh.size(), inOne.size());
        for (int i = 0; i < fresh.size(); i++) {
            assertNotSame(fresh.get(i).glyphs(), inOne.get(i).glyphs());
            assertArrayEquals(fresh.get(i).glyphs(), inOne.get(i).glyphs());
            assertArrayEquals(fresh.get(i).positions(), inOne.get(i).positions(), 1e-9);
            assertEquals(fresh.get(i).x(), inOne.get(i).x(), 1e-9);
            assertEquals(fresh.get(i).baseline(), inOne.get(i).baseline(), 1e-9, "placed where a single build puts it");
        }
    }

    @Test
    void whatASharedSectionRaisedIsReportedInEveryCopyAndAsASharedError() {
        LayoutSection shared = section("shared", true, "A character no font has: \uD83D\uDE00.");
        SharedSections cache = new SharedSections(Set.of(shared)::contains);
        Staged<TypesetDocument> one = Typesetter.typesetCopy(document(shared), TypesetOptions.defaults(), workspace, cache);
        Staged<TypesetDocument> two = Typesetter.typesetCopy(document(shared), TypesetOptions.defaults(), workspace, cache);
        assertTrue(one.hasErrors());
        assertEquals(one.diagnostics(), two.diagnostics());
        List<Diagnostic> errors = cache.sharedErrors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(AT, errors.getFirst().where());
        assertTrue(errors.getFirst().message().contains("has no glyph"), errors.getFirst().message());
    }

    @Test
    void sectionsNotSharedAreSetForEachCopy() {
        LayoutSection personal = section("personal", true, "Set for each copy.");
        SharedSections nothing = new SharedSections(s -> false);
        TypesetDocument one = Typesetter.typesetCopy(document(personal), TypesetOptions.defaults(), workspace, nothing).orThrow();
        TypesetDocument two = Typesetter.typesetCopy(document(personal), TypesetOptions.defaults(), workspace, nothing).orThrow();
        assertNotSame(runs(one, 0).getFirst().glyphs(), runs(two, 0).getFirst().glyphs());
        assertTrue(nothing.sharedErrors().isEmpty());
    }
}
