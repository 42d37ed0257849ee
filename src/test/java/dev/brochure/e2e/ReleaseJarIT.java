package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.testing.PdfFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.jar.JarFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release jar on its own (README, "The release jar"): copied to a folder outside the checkout,
 * {@code java -jar brochure.jar init x && cd x && java -jar ../brochure.jar build} writes the
 * brochure, with the built-in fonts, theme and layouts read from the jar. Runs after
 * {@code package} (maven-failsafe), on the JDK that runs the tests (21 or newer).
 */
class ReleaseJarIT {

    private static final Path REPO = Path.of("").toAbsolutePath();
    private static Path folder;
    private static Path jar;

    private record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void copyTheJarOutOfTheCheckout() throws IOException {
        Path built = Path.of(System.getProperty("brochure.jar", "target/brochure.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(built), "run after 'mvn package': " + built);
        folder = Files.createTempDirectory("brochure-release-").toRealPath();
        assertFalse(folder.startsWith(REPO.toRealPath()), "outside the checkout: " + folder);
        jar = Files.copy(built, folder.resolve("brochure.jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterAll
    static void removeTheFolder() throws IOException {
        if (folder != null) {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** {@code java -jar <jar> args...} in {@code dir}, with a cache folder of its own and no HOME of the user's. */
    private static Run java(Path dir, String jarPath, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", jarPath));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("BROCHURE_CACHE", folder.resolve("cache").toString());
        builder.environment().remove("SOURCE_DATE_EPOCH");
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "finished: " + command);
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theJarHoldsEverythingABuildNeeds() throws IOException {
        try (JarFile zip = new JarFile(jar.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            for (String needed : List.of("themes/default.yaml", "fonts/Lato-Regular.ttf", "fonts/Vollkorn-Regular.ttf",
                    "layouts/cover.ftlx", "layouts/cover.schema.yaml", "hyphenation/hyph-en-us.tex",
                    "init/README.md", "init/optml/brochure-content/brochure.yaml", "init/optml/images/CREDITS.md",
                    "init/minimal/brochure-content/brochure.yaml", "dev/brochure/cli/Main.class",
                    "org/apache/pdfbox/pdmodel/PDDocument.class")) {
                assertTrue(names.contains(needed), needed);
            }
            assertEquals("dev.brochure.cli.Main", zip.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void initThenBuildWithTheJarFromAFolderOutsideTheCheckout() throws IOException, InterruptedException {
        Run init = java(folder, "brochure.jar", "init", "x");
        assertEquals(0, init.code(), init.err());
        Path project = folder.resolve("x");
        Run build = java(project, "../brochure.jar", "build");
        assertEquals(0, build.code(), build.err());
        assertTrue(build.out().startsWith("wrote out/brochure.pdf (16 pages"), build.out());
        try (PDDocument doc = PdfFiles.open(project.resolve("out/brochure.pdf"))) {
            assertEquals(16, doc.getNumberOfPages());
            String text = PdfFiles.text(doc);
            for (String expected : List.of("An Introduction and Invitation from OPTML Group", "Welcome to OPTML Group!",
                    "Our Vision")) {
                assertTrue(text.contains(expected), expected);
            }
            List<PDFont> fonts = PdfFiles.fonts(doc);
            assertTrue(fonts.stream().anyMatch(f -> f.getName().contains("Vollkorn")), "the built-in serif");
            assertTrue(fonts.stream().anyMatch(f -> f.getName().contains("Lato")), "the built-in sans");
            assertTrue(fonts.stream().allMatch(PDFont::isEmbedded), "every font embedded");
        }
    }

    @Test
    void theMinimalExampleToo() throws IOException, InterruptedException {
        Run init = java(folder, "brochure.jar", "init", "small", "--example", "minimal");
        assertEquals(0, init.code(), init.err());
        Path project = folder.resolve("small");
        Run build = java(project, "../brochure.jar", "build");
        assertEquals(0, build.code(), build.err());
        assertEquals("", build.err(), "no warning");
        try (PDDocument doc = PdfFiles.open(project.resolve("out/brochure.pdf"))) {
            assertEquals(3, doc.getNumberOfPages());
            assertTrue(PdfFiles.text(doc).contains("What We Do"));
        }
        Run again = java(folder, "brochure.jar", "init", "small");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("the folder is not empty"), again.err());
    }
}
