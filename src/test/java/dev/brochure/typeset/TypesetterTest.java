package dev.brochure.typeset;

import dev.brochure.world.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.ContentLoader;
import dev.brochure.content.model.BrochureContent;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.layout.LayoutEngine;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.page.Page;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.TypesetDocument;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypesetterTest {

    @TempDir
    Path temp;

    private Typesetter.Result typeset(TestProject project) {
        Workspace files = project.workspace();
        BrochureContent content = ContentLoader.load(files).orThrow();
        return Typesetter.typeset(new LayoutEngine(files).layout(content).orThrow(), TypesetOptions.defaults(), files).orThrow();
    }

    private static List<PageItem.GlyphRun> runs(Page page) {
        return page.items().stream().filter(PageItem.GlyphRun.class::isInstance).map(PageItem.GlyphRun.class::cast)
                .toList();
    }

    @Test
    void everyItemLiesInsideItsPage() {
        TypesetDocument doc = typeset(TestProject.copy("minimal", temp)).document();
        assertEquals(2, doc.pages().size());
        for (Page page : doc.pages()) {
            for (PageItem.GlyphRun run : runs(page)) {
                assertTrue(run.x() >= 0 && run.x() + run.width() <= page.width() + 0.01, run.text());
                assertTrue(run.baseline() > 0 && run.baseline() < page.height(), run.text());
            }
        }
    }

    @Test
    void justifiedLinesOfTheBodyEndAtTheRightMargin() {
        TypesetDocument doc = typeset(TestProject.copy("minimal", temp)).document();
        Page story = doc.pages().get(1);
        double right = story.width() - 18 * 72 / 25.4;
        List<PageItem.GlyphRun> body = runs(story).stream()
                .filter(r -> r.font().getFileName().toString().equals("Vollkorn-Regular.ttf") && r.size() == 10.5)
                .toList();
        // Protrusion: a line ending with punctuation or a hyphen hangs into the margin by a part of that character.
        java.util.function.Predicate<PageItem.GlyphRun> hangs = r -> r.text().strip().matches(".*[.,;:\\-]$");
        long flush = body.stream().filter(r -> Math.abs(r.x() + r.width() - right) < 0.05
                || hangs.test(r) && r.x() + r.width() > right).count();
        assertTrue(flush >= 2, "justified lines reach the margin: " + flush);
        assertTrue(body.stream().allMatch(r -> r.x() + r.width() <= right + 0.05
                || hangs.test(r) && r.x() + r.width() <= right + 0.4 * r.size()), "nothing else passes the margin");
    }

    @Test
    void longTextFlowsOntoMorePagesAndFooterSkipsTheCover() {
        StringBuilder many = new StringBuilder("paragraphs:\n");
        for (int i = 0; i < 40; i++) {
            many.append("  - Paragraph ").append(i).append(" is here to fill the page with enough words so that the")
                    .append(" text must continue on the next page of the brochure.\n");
        }
        TestProject project = TestProject.copy("minimal", temp).replace("sections/story.yaml", "paragraphs:\n",
                many.toString());
        TypesetDocument doc = typeset(project).document();
        assertTrue(doc.pages().size() >= 3, "pages: " + doc.pages().size());
        assertTrue(runs(doc.pages().get(0)).stream().noneMatch(r -> r.text().matches("\\d+")), "no folio on the cover");
        for (int p = 1; p < doc.pages().size(); p++) {
            String folio = String.valueOf(p + 1);
            assertTrue(runs(doc.pages().get(p)).stream().anyMatch(r -> r.text().endsWith(folio)),
                    "page " + (p + 1) + " has its number");
        }
    }

    @Test
    void outlineListsSectionsWithTheirPages() {
        TypesetDocument doc = typeset(TestProject.copy("minimal", temp)).document();
        assertEquals(List.of("Cover", "The Story So Far"), doc.outline().stream().map(o -> o.title()).toList());
        assertEquals(0, doc.outline().get(0).pageIndex());
        assertEquals(1, doc.outline().get(1).pageIndex());
        assertTrue(doc.destinations().stream().anyMatch(d -> d.name().equals("story") && d.pageIndex() == 1));
    }

    @Test
    void anImagesAltTextTravelsWithThePlacedImageButIsNotPrinted() {
        TestProject project = TestProject.copy("minimal", temp)
                .replace("sections/story.yaml", "photo: images/landscape.jpg", "photo: images/landscape.jpg\nalt: Hills - at dawn")
                .write("layouts/article.schema.yaml", "fields:\n  title: text\n  kicker: plain\n  intro: text\n"
                        + "  highlights: {type: list, of: text}\n  photo: image\n  alt: alt\n  caption: text\n"
                        + "  paragraphs: {type: list, of: text}\n")
                .write("layouts/article.ftlx", "<section><image src=\"${section.photo}\" alt=\"${section.alt}\"/>"
                        + "<image src=\"${section.photo}\" height=\"20mm\"/><p>${section.title}</p></section>\n");
        Page story = typeset(project).document().pages().get(1);
        List<String> alts = story.items().stream().filter(PageItem.PlacedImage.class::isInstance)
                .map(i -> ((PageItem.PlacedImage) i).alt()).toList();
        assertEquals(java.util.Arrays.asList("Hills\u00A0– at dawn", null), alts, "an image without alt has none");
        assertTrue(runs(story).stream().noneMatch(r -> r.text().contains("Hills")), "alt text is not printed");
    }

    @Test
    void aBlockTallerThanAPageIsAnErrorNamingItsSection() {
        TestProject project = TestProject.copy("minimal", temp)
                .replace("sections/story.yaml", "photo: images/landscape.jpg", "photo: images/badge.png")
                .write("layouts/article.schema.yaml", "fields:\n  title: text\n  kicker: plain\n  intro: text\n"
                        + "  highlights: {type: list, of: text}\n  photo: image\n  caption: text\n"
                        + "  paragraphs: {type: list, of: text}\n")
                .write("layouts/article.ftlx", "<section><image src=\"${section.photo}\" height=\"400mm\"/></section>\n");
        Diagnostic d = assertThrows(BrochureException.class, () -> typeset(project)).diagnostics().getFirst();
        assertTrue(d.message().contains("section 'story'") && d.message().contains("tall"), d.message());
    }

    @Test
    void aCharacterWithoutGlyphIsAnErrorNamingFontAndPlace() {
        TestProject project = TestProject.copy("minimal", temp)
                .replace("sections/story.yaml", "A second paragraph", "A second \u4E2D paragraph");
        Diagnostic d = assertThrows(BrochureException.class, () -> typeset(project)).diagnostics().getFirst();
        assertTrue(d.message().contains("U+4E2D") && d.message().contains("Vollkorn-Regular.ttf"), d.message());
        assertTrue(d.where().file().endsWith("sections/story.yaml"), d.format());
    }
}
