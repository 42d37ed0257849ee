package dev.brochure.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.BuiltBrochure;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Visual regression: every page of the OPTML brochure against its golden PNG in
 * {@code src/test/resources/golden/optml/}. On a difference the actual page and a diff image go
 * to {@code target/golden/optml/} and the failure names them. After an intended change:
 * {@code mvn -B verify -Dgolden.update=true} rewrites the goldens (review them, then commit).
 */
class GoldenPagesTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "optml");
    static final Path ACTUAL = Path.of("target", "golden", "optml");

    @TempDir
    Path dir;

    @Test
    void everyPageOfTheOptmlBrochureMatchesItsGolden() {
        GoldenPages.assertMatch("the OPTML brochure", GoldenPages.render(BuiltBrochure.OPTML.pdf()), GOLDEN, ACTUAL);
    }

    /**
     * The comparison must notice a small layout change on one page and nothing on the others: the
     * first section's layout gets 4 mm of space before its heading, in a copy of the content.
     */
    @Test
    void aLayoutChangeOnOnePageIsCaughtAndOnlyOnThatPage() throws IOException {
        Path content = dir.resolve("brochure-content");
        copy(BuiltBrochure.OPTML.folder(), content);
        Path root = Path.of("").toAbsolutePath();
        String layout = new Pipeline(Map.of()).content(BuildRequest.of(content, dir.resolve("x.pdf")).withProjectRoot(root))
                .sections().getFirst().layout();
        String template = template(layout);
        assertTrue(template.contains("<h "), "the " + layout + " layout has a heading to move");
        Files.createDirectories(content.resolve("layouts"));
        Files.writeString(content.resolve("layouts").resolve(layout + ".ftlx"),
                template.replaceFirst("<h ", "<spacer height=\"4mm\"/><h "));

        Path changed = dir.resolve("changed.pdf");
        new Pipeline(Map.of()).build(BuildRequest.of(content, changed).withProjectRoot(root));
        List<BufferedImage> before = GoldenPages.render(BuiltBrochure.OPTML.pdf());
        List<BufferedImage> after = GoldenPages.render(changed);

        assertEquals(before.size(), after.size());
        GoldenPages.Comparison first = GoldenPages.compare(before.getFirst(), after.getFirst());
        assertFalse(first.matches(), "4 mm more space on page 1 went unnoticed");
        assertTrue(first.differing() > 100, first.differing() + " pixels");
        for (int i = 1; i < before.size(); i++) {
            assertTrue(GoldenPages.compare(before.get(i), after.get(i)).matches(), "page " + (i + 1) + " changed too");
        }
    }

    private static String template(String layout) throws IOException {
        Path own = BuiltBrochure.OPTML.folder().resolve("layouts").resolve(layout + ".ftlx");
        if (Files.exists(own)) {
            return Files.readString(own);
        }
        try (InputStream in = GoldenPagesTest.class.getResourceAsStream("/layouts/" + layout + ".ftlx")) {
            assertTrue(in != null, "no built-in layout " + layout);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
