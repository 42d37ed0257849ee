package dev.brochure.testing;

import dev.brochure.world.font.FontFace;
import dev.brochure.world.Workspace;
import dev.brochure.pipeline.BuildRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A copy of a fixture content project in a temporary folder, which a test may edit. The
 * project root (for the shared fonts/) is the repository, where Maven runs the tests.
 */
public final class TestProject {

    public static final Path REPO = Path.of("").toAbsolutePath();
    public static final Path FIXTURES = REPO.resolve("src/test/resources/fixtures");
    /** The fonts built into the tool (those of the default theme). */
    public static final Path FONTS = REPO.resolve("src/main/resources/fonts");

    private final Path content;

    private TestProject(Path content) {
        this.content = content;
    }

    /** Copies fixture {@code name} to {@code temp}/brochure-content. */
    public static TestProject copy(String name, Path temp) {
        Path target = temp.resolve("brochure-content");
        copyTree(FIXTURES.resolve(name), target);
        return new TestProject(target);
    }

    public Path content() {
        return content;
    }

    public Path file(String relative) {
        return content.resolve(relative);
    }

    public TestProject write(String relative, String text) {
        try {
            Path file = content.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String relative) {
        try {
            return Files.readString(content.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} in a file, failing if it is not there. */
    public TestProject replace(String relative, String from, String to) {
        String text = read(relative);
        if (!text.contains(from)) {
            throw new AssertionError(relative + " does not contain: " + from);
        }
        return write(relative, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }

    /**
     * A build context for this project with the repository as project root (for its images/ and
     * fonts/) and as the folder paths are shown relative to, as the command line run there would.
     */
    public Workspace workspace() {
        return Workspace.create(content, REPO, java.util.Map.of(), REPO);
    }

    /** A build request for this project, writing to {@code output}; images and fonts/ come from the repo. */
    public BuildRequest request(Path output) {
        return BuildRequest.of(content, output).withProjectRoot(REPO);
    }

    /** A built-in font ({@code Vollkorn-Regular}), read and ready to shape, outside any workspace. */
    public static FontFace font(String name) {
        return font(FONTS.resolve(name + ".ttf"));
    }

    /** A font file, read and ready to shape, outside any workspace. */
    public static FontFace font(Path file) {
        try {
            FontFace face = FontFace.read(file);
            face.prepare();
            return face;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
