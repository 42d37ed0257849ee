package dev.brochure.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.content.model.Section;
import dev.brochure.diag.Diagnostic;
import dev.brochure.diag.Staged;
import dev.brochure.testing.TestImages;
import dev.brochure.testing.TestProject;
import dev.brochure.vocab.Theme;
import dev.brochure.world.ProjectFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content stage returns what it read with every warning and error: a section with an error
 * is left out and the others kept, and a wrong part of the theme is reported once while a stand-in
 * keeps everything that uses it from being reported again.
 */
class ContentDiagnosticsTest {

    @TempDir
    Path temp;

    private Staged<BrochureContent> load(TestProject project) {
        return ContentLoader.load(project.workspace());
    }

    private TestProject withTheme(String themeYaml) {
        return TestProject.copy("minimal", temp).write("themes/mine.yaml", themeYaml)
                .replace("brochure.yaml", "paper: A4", "paper: A4\ntheme: mine");
    }

    private static List<String> errors(Staged<?> staged) {
        return staged.diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> d.where().toString().replaceFirst("^.*brochure-content/", "") + " " + d.message()).toList();
    }

    @Test
    void aSectionWithAnErrorIsLeftOutAndTheOthersAreKept() {
        Staged<BrochureContent> staged = load(TestProject.copy("minimal", temp)
                .replace("sections/cover.yaml", "tagline: A tagline in italics", "tagline: [a, list]"));
        assertEquals(List.of("sections/cover.yaml:4:10 'tagline' must be a text value, not a list"), errors(staged));
        BrochureContent content = staged.value();
        assertNotNull(content, "the stage goes on with what is valid");
        assertEquals(List.of("story"), content.sections().stream().map(Section::id).toList());
        assertEquals(Set.of("cover", "story"), content.anchors(), "a link to the cover is no second error");
    }

    @Test
    void theWarningOfAnImageComesWithTheContent() throws Exception {
        TestProject project = TestProject.copy("minimal", temp);
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(64, 48, BufferedImage.TYPE_INT_RGB));
        Files.write(project.file("images/phone.jpg"), TestImages.withUnreadableExifOrientation(jpeg));
        project.replace("sections/story.yaml", "photo: images/landscape.jpg", "photo: images/phone.jpg");
        Staged<BrochureContent> staged = load(project);
        assertEquals(List.of(), errors(staged));
        assertEquals(1, staged.warnings().size(), staged.diagnostics().toString());
        Diagnostic warning = staged.warnings().getFirst();
        assertTrue(warning.where().toString().endsWith("sections/story.yaml:8:8"), warning.format());
        assertEquals("image 'images/phone.jpg': its EXIF orientation cannot be read, so it is shown as stored",
                warning.message());
        assertEquals(2, staged.orThrow().sections().size(), "a warning leaves the content whole");
    }

    @Test
    void aWrongColourIsOneErrorAndWhatUsesItIsNotReportedAgain() {
        Staged<BrochureContent> staged = load(withTheme("extends: default\ncolors:\n  brand: \"#1D355\"\n"));
        assertEquals(List.of("themes/mine.yaml:3:10 colour 'brand': '#1D355' is not a colour"), errors(staged));
        Theme theme = staged.value().theme();
        assertEquals(theme.colors().get("brand"), theme.styles().get("h1").color(), "h1 uses the stand-in");
        assertEquals(theme.colors().get("brand"), theme.masters().get("closing").background());
    }

    @Test
    void aStyleWithAnUnknownParentKeepsWhatItHas() {
        Staged<BrochureContent> staged = load(withTheme(
                "extends: default\nstyles:\n  note: {parent: captoin, font: sans, size: 7pt}\n"));
        assertEquals(List.of("themes/mine.yaml:3:18 style 'note' has unknown parent 'captoin'"), errors(staged));
        assertEquals(7, staged.value().theme().styles().get("note").size(), 1e-9,
                "the style stays defined, so the layouts that use it report nothing more");
    }

    @Test
    void aFontFamilyThatCannotBeLoadedIsReportedOnce() {
        Staged<BrochureContent> staged = load(withTheme(
                "extends: default\nfonts:\n  sans:\n    regular: fonts/Missing.ttf\n"));
        assertEquals(1, errors(staged).size(), errors(staged).toString());
        assertTrue(errors(staged).getFirst().startsWith("themes/mine.yaml:4:14 "), errors(staged).toString());
        Theme theme = staged.value().theme();
        assertNotNull(theme.fonts().get("sans"), "a stand-in family, so that typesetting can still look for errors");
    }

    @Test
    void anUnknownFontFamilyOfAStyleIsReportedOnce() {
        Staged<BrochureContent> staged = load(withTheme("extends: default\nstyles:\n  note: {font: sanz}\n"));
        assertEquals(List.of("themes/mine.yaml:3:16 style 'note' uses unknown font family 'sanz'"), errors(staged));
        assertTrue(staged.value().theme().fonts().containsKey(staged.value().theme().styles().get("note").family()));
    }

    @Test
    void aWrongValueIsReportedByTheStyleThatGivesItNotByThoseThatInheritIt() {
        Staged<BrochureContent> staged = load(withTheme("extends: default\nstyles:\n  h1: {color: brnad}\n"));
        assertEquals(List.of("themes/mine.yaml:3:15 style 'h1' color: 'brnad' is not a colour"), errors(staged),
                "h2 to h6 inherit it from h1");
    }

    @Test
    void aLoopOfParentsIsOneError() {
        Staged<BrochureContent> staged = load(withTheme(
                "extends: default\nstyles:\n  body: {parent: lead}\n  lead: {parent: body}\n"));
        assertEquals(List.of("themes/mine.yaml:3:18 style 'body' inherits from itself (body -> lead)"), errors(staged),
                "not again by lead, nor by the styles whose parent is body or lead");
    }
}
