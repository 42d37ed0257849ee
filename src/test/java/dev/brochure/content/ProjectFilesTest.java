package dev.brochure.content;

import dev.brochure.world.Workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.content.model.Value;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.layout.LayoutEngine;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * References are confined to the content folder and the project's images/ and fonts/, after
 * {@code ..} and symbolic links; files the tool finds by name (brochure.yaml, themes, layouts)
 * must stay in their folder. Every refusal names the file and, for references, the YAML line.
 */
class ProjectFilesTest {

    @TempDir
    Path temp;

    private TestProject project;
    private Path secret;

    @BeforeEach
    void setUp() throws IOException {
        project = TestProject.copy("minimal", temp.resolve("work"));
        Files.createDirectories(temp.resolve("work/fonts"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        secret = Files.copy(project.file("images/landscape.jpg"), elsewhere.resolve("secret.jpg"));
        Files.copy(TestProject.FONTS.resolve("Lato-Regular.ttf"), elsewhere.resolve("secret.ttf"));
        Files.writeString(elsewhere.resolve("secret.yaml"), "layout: article\ntitle: Secret text\n");
    }

    private Workspace files() {
        return Workspace.of(project.content());
    }

    private List<Diagnostic> errors() {
        return assertThrows(BrochureException.class, () -> {
            Workspace files = files();
            BrochureContent content = ContentLoader.load(files).orThrow();
            new LayoutEngine(files).layout(content).orThrow();
        }).diagnostics();
    }

    private Path link(String relative, Path target) throws IOException {
        Path link = project.file(relative);
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        return Files.createSymbolicLink(link, target);
    }

    private static Diagnostic only(List<Diagnostic> all) {
        assertEquals(1, all.size(), all.toString());
        return all.getFirst();
    }

    @Test
    void anImageLinkedFromOutsideIsRefusedAtItsYamlLine() throws IOException {
        link("images/landscape.jpg", secret);
        List<Diagnostic> all = errors();
        Diagnostic d = all.stream().filter(x -> x.where().file().endsWith("sections/story.yaml")).findFirst().orElseThrow();
        assertEquals("'images/landscape.jpg' lies outside the content project", d.message());
        assertEquals(8, d.where().line());
        assertTrue(d.hint().contains("images/ and fonts/"), d.hint());
    }

    @Test
    void anImageFolderLinkedFromOutsideIsRefused() throws IOException {
        Files.delete(project.file("images/landscape.jpg"));
        Files.delete(project.file("images/badge.png"));
        Files.delete(project.file("images"));
        link("images", secret.getParent());
        project.replace("sections/story.yaml", "images/landscape.jpg", "images/secret.jpg");
        List<Diagnostic> all = errors();
        assertTrue(all.stream().anyMatch(d -> d.message().equals("'images/secret.jpg' lies outside the content project")
                && d.where().line() == 8), all.toString());
    }

    @Test
    void parentFolderReferencesCannotEscape() {
        project.replace("sections/story.yaml", "images/landscape.jpg", "../../elsewhere/secret.jpg");
        Diagnostic d = only(errors());
        assertEquals("'../../elsewhere/secret.jpg' lies outside the content project", d.message());
        assertEquals(8, d.where().line());
    }

    @Test
    void absolutePathsAreRefused() {
        project.replace("sections/story.yaml", "images/landscape.jpg", secret.toString());
        Diagnostic d = only(errors());
        assertEquals("absolute path '" + secret + "' is not allowed", d.message());
    }

    @Test
    void aFontLinkedFromOutsideIsRefusedAtTheThemeLine() throws IOException {
        link("fonts/Mine.ttf", secret.resolveSibling("secret.ttf"));
        project.write("themes/t.yaml", "extends: default\nfonts:\n  sans:\n    regular: fonts/Mine.ttf\n")
                .replace("brochure.yaml", "paper: A4", "paper: A4\ntheme: t");
        Diagnostic d = only(errors());
        assertEquals("'fonts/Mine.ttf' lies outside the content project", d.message());
        assertTrue(d.where().file().endsWith("themes/t.yaml"), d.format());
        assertEquals(4, d.where().line());
    }

    @Test
    void aSectionFileLinkedFromOutsideIsRefusedAtItsBrochureLine() throws IOException {
        link("sections/story.yaml", secret.resolveSibling("secret.yaml"));
        Diagnostic d = only(errors());
        assertEquals("'sections/story.yaml' lies outside the content project", d.message());
        assertTrue(d.where().file().endsWith("brochure.yaml"), d.format());
        assertEquals(11, d.where().line());
    }

    @Test
    void aLayoutSchemaLinkedFromOutsideIsRefused() throws IOException {
        Path schema = Files.writeString(secret.resolveSibling("article.schema.yaml"), "fields:\n  title: text\n");
        link("layouts/article.schema.yaml", schema);
        Diagnostic d = only(errors());
        assertTrue(d.where().file().endsWith("layouts/article.schema.yaml"), d.format());
        assertTrue(d.message().startsWith("this file is a link to ") && d.message().contains("which is outside the folder"),
                d.message());
        assertEquals("copy the file into the project instead of linking to it", d.hint());
    }

    @Test
    void aLayoutTemplateLinkedFromOutsideIsRefused() throws IOException {
        Path template = Files.writeString(secret.resolveSibling("article.ftlx"), "<section><p>secret</p></section>\n");
        link("layouts/article.ftlx", template);
        Diagnostic d = only(errors());
        assertTrue(d.where().file().endsWith("layouts/article.ftlx"), d.format());
        assertTrue(d.message().contains("which is outside the folder"), d.message());
    }

    @Test
    void aThemeLinkedFromOutsideIsRefused() throws IOException {
        Path theme = Files.writeString(secret.resolveSibling("t.yaml"), "extends: default\n");
        link("themes/t.yaml", theme);
        project.replace("brochure.yaml", "paper: A4", "paper: A4\ntheme: t");
        Diagnostic d = only(errors());
        assertTrue(d.where().file().endsWith("themes/t.yaml"), d.format());
        assertTrue(d.message().contains("which is outside the folder"), d.message());
    }

    @Test
    void brochureYamlLinkedFromOutsideIsRefused() throws IOException {
        Path outside = Files.copy(project.file("brochure.yaml"), secret.resolveSibling("brochure.yaml"));
        link("brochure.yaml", outside);
        Diagnostic d = only(errors());
        assertTrue(d.message().endsWith("which is outside the content folder"), d.message());
    }

    @Test
    void linksThatStayInsideTheProjectAreFine() throws IOException {
        Files.move(project.file("images/landscape.jpg"), project.file("images/real.jpg"));
        link("images/landscape.jpg", Path.of("real.jpg"));
        BrochureContent content = ContentLoader.load(files()).orThrow();
        Value.Image photo = (Value.Image) content.sections().get(1).fields().get("photo");
        assertTrue(photo.image().path().endsWith("images/real.jpg"), photo.image().path().toString());
    }
}
