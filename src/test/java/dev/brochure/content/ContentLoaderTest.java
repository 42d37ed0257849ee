package dev.brochure.content;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.vocab.Paper;
import dev.brochure.content.model.Section;
import dev.brochure.content.model.Value;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.testing.TestProject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {

    @TempDir
    Path temp;

    private BrochureContent load(TestProject project) {
        return ContentLoader.load(project.workspace()).orThrow();
    }

    private List<Diagnostic> errors(TestProject project) {
        return assertThrows(BrochureException.class, () -> load(project)).diagnostics();
    }

    @Test
    void loadsDocumentInfoAndSectionsInOrder() {
        BrochureContent content = load(TestProject.copy("minimal", temp));
        assertEquals("Fixture Brochure", content.info().title());
        assertEquals("Test Author", content.info().author());
        assertEquals(List.of("alpha", "beta"), content.info().keywords());
        assertEquals("en-GB", content.info().language());
        assertEquals(Paper.A4, content.info().paper());
        assertEquals(LocalDate.of(2024, 5, 6), content.info().date());
        assertEquals(List.of("cover", "story"), content.sections().stream().map(Section::id).toList());
        assertEquals("Cover", content.sections().get(0).title());
        assertEquals("The Story So Far", content.sections().get(1).title(), "title field names the section");
    }

    @Test
    void typesValuesByTheLayoutSchema() {
        Section story = load(TestProject.copy("minimal", temp)).sections().get(1);
        assertInstanceOf(Value.Plain.class, story.fields().get("kicker"));
        Value.Text intro = assertInstanceOf(Value.Text.class, story.fields().get("intro"));
        assertTrue(intro.text().spans().stream().anyMatch(s -> s.bold() && s.text().equals("bold words")));
        Value.Image photo = assertInstanceOf(Value.Image.class, story.fields().get("photo"));
        assertEquals(1200, photo.image().pixelWidth());
        assertEquals(750, photo.image().pixelHeight());
        Value.Items paragraphs = assertInstanceOf(Value.Items.class, story.fields().get("paragraphs"));
        assertEquals(2, paragraphs.items().size());
        assertEquals(4, intro.where().line(), "values keep their YAML line");
    }

    @Test
    void unknownKeyIsReportedWithItsLocationAndASuggestion() {
        TestProject project = TestProject.copy("minimal", temp).replace("sections/story.yaml", "intro:", "intrp:");
        Diagnostic d = errors(project).getFirst();
        assertTrue(d.where().file().endsWith("sections/story.yaml"), d.format());
        assertEquals(4, d.where().line());
        assertEquals(1, d.where().column());
        assertTrue(d.message().contains("unknown key 'intrp'"), d.message());
        assertEquals("did you mean 'intro'?", d.hint());
    }

    @Test
    void wrongTypeIsReported() {
        TestProject project = TestProject.copy("minimal", temp)
                .replace("sections/story.yaml", "intro: An introduction", "intro: [a, list]\nx_: An introduction");
        Diagnostic d = errors(project).stream().filter(e -> e.message().contains("'intro'")).findFirst().orElseThrow();
        assertTrue(d.message().contains("must be a text value, not a list"), d.message());
        assertEquals(4, d.where().line());
        assertEquals(8, d.where().column());
    }

    @Test
    void missingRequiredFieldIsReported() {
        TestProject project = TestProject.copy("minimal", temp)
                .replace("sections/story.yaml", "title: The Story So Far\n", "");
        Diagnostic d = errors(project).getFirst();
        assertTrue(d.message().contains("missing the required field 'title'"), d.message());
        assertEquals(1, d.where().line());
    }

    @Test
    void missingImageIsReportedWithTheSimilarFileName() {
        TestProject project = TestProject.copy("minimal", temp)
                .replace("sections/story.yaml", "photo: images/landscape.jpg", "photo: images/landscap.jpg");
        Diagnostic d = errors(project).getFirst();
        assertTrue(d.message().contains("file not found: 'images/landscap.jpg'"), d.message());
        assertTrue(d.hint().startsWith("did you mean 'images/landscape.jpg'?"), d.hint());
        assertEquals(8, d.where().line());
        assertEquals(8, d.where().column());
    }

    @Test
    void referencesOutsideTheProjectAreRefused() {
        TestProject project = TestProject.copy("minimal", temp)
                .replace("sections/story.yaml", "photo: images/landscape.jpg", "photo: ../outside.jpg")
                .write("../outside.jpg", "not allowed");
        Diagnostic d = errors(project).getFirst();
        assertTrue(d.message().contains("outside the content project"), d.message());
    }

    @Test
    void missingFontIsReportedAtTheThemeLine() {
        TestProject project = TestProject.copy("minimal", temp)
                .write("themes/mine.yaml", "extends: default\nfonts:\n  sans:\n    bold: fonts/Nope-Bold.ttf\n")
                .replace("brochure.yaml", "paper: A4", "paper: A4\ntheme: mine");
        Diagnostic d = errors(project).getFirst();
        assertTrue(d.where().file().endsWith("themes/mine.yaml"), d.format());
        assertEquals(4, d.where().line());
        assertTrue(d.message().contains("file not found: 'fonts/Nope-Bold.ttf'"), d.message());
    }

    @Test
    void everyErrorOfEveryFileIsReportedTogether() {
        TestProject project = TestProject.copy("minimal", temp)
                .replace("sections/story.yaml", "intro:", "intrp:")
                .replace("sections/cover.yaml", "tagline:", "tagLine:")
                .replace("brochure.yaml", "paper: A4", "paper: A5");
        List<Diagnostic> all = errors(project);
        assertEquals(3, all.size(), all.toString());
        assertTrue(all.stream().anyMatch(d -> d.message().contains("unknown paper 'A5'")));
    }

    @Test
    void unknownLayoutIsReportedWithSuggestion() {
        TestProject project = TestProject.copy("minimal", temp)
                .replace("sections/story.yaml", "layout: article", "layout: artcle");
        Diagnostic d = errors(project).getFirst();
        assertTrue(d.message().contains("unknown layout 'artcle'"), d.message());
        assertEquals("did you mean 'article'?", d.hint());
    }

    @Test
    void aSectionListedTwiceIsNamedWithBothLines() {
        TestProject p = TestProject.copy("minimal", temp)
                .replace("brochure.yaml", "  - sections/story.yaml", "  - sections/story.yaml\n  - sections/story.yaml");
        Diagnostic d = errors(p).getFirst();
        assertEquals("brochure.yaml", java.nio.file.Path.of(d.where().file()).getFileName().toString());
        assertEquals(12, d.where().line());
        assertTrue(d.message().endsWith("sections/story.yaml' is listed twice in 'sections' (first at line 11)"),
                d.message());
    }

    @Test
    void twoSectionsWithOneIdAreBothNamed() {
        TestProject p = TestProject.copy("minimal", temp).replace("sections/cover.yaml", "layout: cover",
                "layout: cover\nid: story");
        List<Diagnostic> all = errors(p);
        assertEquals(1, all.size(), all.toString());
        Diagnostic d = all.getFirst();
        assertEquals(11, d.where().line());
        assertTrue(d.message().matches("section id 'story' is used twice: by \\S*sections/cover.yaml \\(listed at line 10\\)"
                + " and by \\S*sections/story.yaml \\(listed at line 11\\)"), d.message());
    }

    @Test
    void linksOnlyGoToWebMailPhoneOrSections() {
        TestProject p = TestProject.copy("minimal", temp).replace("sections/story.yaml",
                "A second paragraph closes the story.", "Run [this](javascript:alert(1)), open [that](file:///etc/passwd),"
                        + " see [there](page.html) or call [us](tel:+1-517-555-0100).");
        List<Diagnostic> all = errors(p);
        assertEquals(List.of("links to 'javascript:' are not allowed (javascript:alert(1))",
                "links to 'file:' are not allowed (file:///etc/passwd)",
                "'page.html' has no scheme such as https:; a relative address goes nowhere in a PDF"),
                all.stream().map(d -> d.message().replace("a link in 'paragraphs' item 2 cannot be used: ", "")).toList());
        assertTrue(all.stream().allMatch(d -> d.where().line() == 15 && d.hint().startsWith("a link may go to")),
                all.toString());
    }

    @Test
    void duplicateKeysAreRefused() {
        TestProject project = TestProject.copy("minimal", temp)
                .replace("sections/story.yaml", "kicker: Chapter one", "kicker: Chapter one\nkicker: Again");
        Diagnostic d = errors(project).getFirst();
        assertTrue(d.message().contains("duplicate key 'kicker'"), d.message());
        assertEquals(3, d.where().line());
    }

    @Test
    void syntaxErrorPointsAtTheLineAndColumn() {
        TestProject project = TestProject.copy("minimal", temp)
                .replace("sections/story.yaml", "kicker: Chapter one", "kicker: [Chapter one");
        Diagnostic d = errors(project).getFirst();
        assertTrue(d.message().startsWith("YAML syntax error"), d.message());
        assertTrue(d.where().file().endsWith("sections/story.yaml"));
        assertTrue(d.where().line() >= 3 && d.where().column() > 0, d.format());
    }
}
