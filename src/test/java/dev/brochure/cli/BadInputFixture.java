package dev.brochure.cli;

import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A copy of the fixture as {@code temp/brochure-content}, the repository's fonts reachable as
 * {@code temp/fonts}, a folder {@code temp/elsewhere} outside the project, and the PDF at
 * {@code temp/out/brochure.pdf}.
 */
final class BadInputFixture {
    final Path root;
    final TestProject project;

    private BadInputFixture(Path root, TestProject project) {
        this.root = root;
        this.project = project;
    }

    static BadInputFixture create(Path temp) throws IOException {
        TestProject project = TestProject.copy("minimal", temp);
        Files.createDirectories(temp.resolve("elsewhere"));
        return new BadInputFixture(temp, project);
    }

    Path content() {
        return project.content();
    }

    Path output() {
        return root.resolve("out/brochure.pdf");
    }

    Path file(String relative) {
        return project.file(relative);
    }

    BadInputFixture write(String relative, String text) {
        project.write(relative, text);
        return this;
    }

    BadInputFixture replace(String relative, String from, String to) {
        project.replace(relative, from, to);
        return this;
    }

    BadInputFixture bytes(String relative, byte[] bytes) throws IOException {
        Path file = project.file(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return this;
    }

    /** The story's photo replaced by {@code bytes} as {@code images/name} (story.yaml line 8, column 8). */
    BadInputFixture photo(String name, byte[] bytes) throws IOException {
        bytes("images/" + name, bytes);
        return replace("sections/story.yaml", "photo: images/landscape.jpg", "photo: images/" + name);
    }

    /** A file outside the project, in {@code temp/elsewhere}. */
    Path outside(String name, byte[] bytes) throws IOException {
        return Files.write(root.resolve("elsewhere").resolve(name), bytes);
    }

    /** Replaces {@code relative} in the content folder by a symbolic link to {@code target}. */
    BadInputFixture link(String relative, Path target) throws IOException {
        Path link = project.file(relative);
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target);
        return this;
    }

    /** A theme 't' whose sans regular face is {@code ref} (themes/t.yaml line 4, column 14). */
    BadInputFixture theme(String ref) {
        write("themes/t.yaml", "extends: default\nfonts:\n  sans:\n    regular: " + ref + "\n");
        return replace("brochure.yaml", "paper: A4", "paper: A4\ntheme: t");
    }

    /** The article layout replaced by {@code template}, with the built-in schema. */
    BadInputFixture template(String template) {
        write("layouts/article.schema.yaml", "fields:\n  title: text\n  kicker: plain\n  intro: text\n"
                + "  highlights: {type: list, of: text}\n  photo: image\n  caption: text\n"
                + "  paragraphs: {type: list, of: text}\n");
        return write("layouts/article.ftlx", template);
    }
}
