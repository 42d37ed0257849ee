package dev.brochure.content;


import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.brochure.diag.BrochureException;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the content stage: arbitrary bytes as {@code brochure.yaml}, a
 * section file, a theme or a layout schema of a real project (the first byte chooses which),
 * then {@link ContentLoader#load}.
 * A {@link BrochureException} (the user's error, reported) and a clean result are fine; any
 * other exception, an error or a hang is a crash.
 *
 * <p>{@code mvn verify} fuzzes this for a bounded time ({@code pom.xml}, execution
 * {@code fuzz-content}); inputs that crashed are kept in
 * {@code src/test/resources/dev/brochure/content/ContentLoaderFuzzTestInputs/loadsAnyText/} and
 * replayed by every ordinary test run, together with the seeds there.
 */
class ContentLoaderFuzzTest {

    /** The files a fuzz input may replace, with the text of the others left as in the fixture. */
    private static final List<String> TARGETS = List.of("sections/story.yaml", "brochure.yaml", "themes/fuzz.yaml",
            "layouts/article.schema.yaml", "sections/cover.yaml");

    private static Path root;
    private static TestProject project;

    @BeforeAll
    static void createProject() throws IOException {
        root = Files.createTempDirectory("brochure-fuzz-content");
        project = TestProject.copy("minimal", root);
        project.write("themes/fuzz.yaml", "extends: default\n");
    }

    @AfterAll
    static void removeProject() throws IOException {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void loadsAnyText(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String target = TARGETS.get(Math.floorMod(input[0], TARGETS.size()));
        Path file = project.file(target);
        String original = read(file);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Arrays.copyOfRange(input, 1, input.length));
            if (target.equals("themes/fuzz.yaml")) {
                project.replace("brochure.yaml", "paper: A4", "paper: A4\ntheme: fuzz");
            }
            ContentLoader.load(project.workspace()).orThrow();
        } catch (BrochureException expected) {
            // a user error, reported with its location: what bad content must give
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            restore(file, original);
            restore(project.file("brochure.yaml"), target.equals("brochure.yaml") ? original : FIXTURE_BROCHURE);
        }
    }

    private static final String FIXTURE_BROCHURE = read(TestProject.FIXTURES.resolve("minimal/brochure.yaml"));

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restore(Path file, String text) {
        try {
            if (text == null) {
                Files.deleteIfExists(file);
            } else {
                Files.writeString(file, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
