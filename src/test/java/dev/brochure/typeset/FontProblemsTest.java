package dev.brochure.typeset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad fonts and missing glyphs end in a message naming the font, the character and the YAML line. */
class FontProblemsTest {

    @TempDir
    Path temp;

    /** The fixture beside a fonts/ folder, so that the theme can name a font of its own. */
    private TestProject plain() {
        TestProject project = TestProject.copy("minimal", temp.resolve("p"));
        try {
            Files.createDirectories(temp.resolve("p/fonts"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return project;
    }

    private TestProject project(byte[] font) throws IOException {
        TestProject project = plain();
        Files.write(temp.resolve("p/fonts/Broken.ttf"), font);
        return project.write("themes/t.yaml", "extends: default\nfonts:\n  sans:\n    regular: fonts/Broken.ttf\n")
                .replace("brochure.yaml", "paper: A4", "paper: A4\ntheme: t");
    }

    private static List<Diagnostic> errors(TestProject project, Path root) {
        return assertThrows(BrochureException.class, () -> new Pipeline(Map.of())
                .build(dev.brochure.pipeline.BuildRequest.of(project.content(), root.resolve("out.pdf"))))
                .diagnostics();
    }

    /** A TrueType signature followed by {@code kind} of garbage. */
    private static byte[] corrupt(String kind) throws IOException {
        byte[] real = Files.readAllBytes(TestProject.FONTS.resolve("Lato-Regular.ttf"));
        return switch (kind) {
            case "random" -> {
                byte[] b = new byte[4096];
                new Random(7).nextBytes(b);
                b[0] = 0;
                b[1] = 1;
                b[2] = 0;
                b[3] = 0;
                yield b;
            }
            case "truncated" -> Arrays.copyOf(real, real.length / 3);
            case "tables" -> {
                byte[] b = real.clone();
                // scramble the table directory after the header (offsets and lengths point nowhere)
                Random random = new Random(11);
                for (int i = 12; i < 12 + 16 * 8; i++) {
                    b[i] = (byte) random.nextInt(256);
                }
                yield b;
            }
            case "body" -> {
                // a sound table directory over garbage tables: only parsing the tables finds it
                byte[] b = real.clone();
                int tables = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
                Random random = new Random(13);
                for (int i = 12 + 16 * tables; i < b.length; i++) {
                    b[i] = (byte) random.nextInt(256);
                }
                yield b;
            }
            default -> Arrays.copyOf(real, 12);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "truncated", "tables", "header-only"})
    void aCorruptFontIsAUserErrorNamingTheFileAndTheThemeLine(String kind) throws IOException {
        TestProject project = project(corrupt(kind));
        List<Diagnostic> all = errors(project, temp);
        Diagnostic d = all.getFirst();
        assertTrue(d.message().contains("Broken.ttf"), d.format());
        assertTrue(d.where().file().endsWith("themes/t.yaml"), d.format());
        assertEquals(4, d.where().line(), d.format());
        assertTrue(d.hint().contains("TrueType"), d.format());
        assertTrue(Files.notExists(temp.resolve("out.pdf")));
    }

    @Test
    void aFontWithGarbageTablesIsAUserErrorNamingTheFile() throws IOException {
        TestProject project = project(corrupt("body"));
        Diagnostic d = errors(project, temp).getFirst();
        assertTrue(d.message().contains("Broken.ttf"), d.format());
        assertTrue(d.hint().contains("TrueType"), d.format());
        assertTrue(Files.notExists(temp.resolve("out.pdf")));
    }

    @Test
    void aMissingFontNamesTheThemeLine() throws IOException {
        TestProject project = project(new byte[0]);
        Files.delete(temp.resolve("p/fonts/Broken.ttf"));
        Diagnostic d = errors(project, temp).getFirst();
        assertEquals("file not found: 'fonts/Broken.ttf'", d.message());
        assertTrue(d.where().file().endsWith("themes/t.yaml"), d.format());
        assertEquals(4, d.where().line());
    }

    @Test
    void aCharacterTheFontLacksNamesTheCharacterTheFontAndTheYamlLine() {
        TestProject project = plain().replace("sections/story.yaml", "An introduction", "An \u4E00 introduction");
        List<Diagnostic> all = errors(project, temp);
        Diagnostic d = all.getFirst();
        assertTrue(d.message().startsWith("character '\u4E00' (U+4E00) has no glyph in font "), d.message());
        assertTrue(d.message().endsWith(".ttf"), d.message());
        assertTrue(d.where().file().endsWith("sections/story.yaml"), d.format());
        assertEquals(4, d.where().line(), d.format());
        assertTrue(d.hint().contains("font family"), d.hint());
    }
}
