package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.brochure.cli.BadInputCases.Case;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input matrix: every case of {@link BadInputCases} runs the real command line
 * in-process on a fresh copy of the fixture project, next to a previous good PDF, and must end
 * with its exit code and its located message, no stack trace, the previous PDF untouched and
 * nothing else written anywhere. Cases that must render instead (CMYK, EXIF, 16-bit PNG, ...)
 * must write a valid PDF, and print the warnings they expect.
 *
 * <p>Maven runs this class in its own JVM with a 512 MB heap ({@code pom.xml}, execution
 * {@code bad-input-matrix}), so every case is also shown to fit in 512 MB; {@code @Timeout}
 * guards against hangs. Each case's time and peak heap go to
 * {@code target/bad-input-matrix.tsv}, from which {@code docs/robustness.md} is written.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BadInputMatrixTest {

    private static final Path REPORT = TestProject.REPO.resolve("target/bad-input-matrix.tsv");
    private static final String PREVIOUS = "previous good pdf";
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");

    @TempDir
    Path temp;

    @BeforeAll
    static void startReport() throws IOException {
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, "case\texit\tmillis\tpeak heap MB\tfirst message\n");
    }

    static Stream<Named<Case>> cases() {
        return BadInputCases.all().stream().map(c -> Named.of(c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputEndsCleanly(Case c) throws Exception {
        assumeTrue(c.applicable(), "not applicable on this machine");
        BadInputFixture fixture = BadInputFixture.create(temp);
        c.setup().accept(fixture);
        Path pdf = fixture.output();
        Files.createDirectories(pdf.getParent());
        if (!Files.exists(pdf, LinkOption.NOFOLLOW_LINKS)) {
            Files.writeString(pdf, PREVIOUS);
        }
        Map<String, String> before = snapshot(temp);

        List<String> args = new ArrayList<>(c.args().apply(fixture));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        resetPeaks();
        long start = System.nanoTime();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), new Pipeline(c.environment()), args.toArray(String[]::new));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = peakHeapMb();
        String errors = err.toString();
        record(c, code, millis, peak, errors);

        assertEquals(c.exit(), code, errors + out);
        assertFalse(STACK_TRACE.matcher(errors).find(), "no stack trace without --debug:\n" + errors);
        for (String expected : c.messages()) {
            assertTrue(Pattern.compile(expected).matcher(errors).find(), "expected /" + expected + "/ in:\n" + errors);
        }
        if (c.exit() == ExitCode.OK) {
            assertRendered(pdf, errors);
            return;
        }
        if (c.exit() == ExitCode.USER_ERROR) {
            // A user error ends with how many there were; a failed verify with how many problems and which rules.
            assertTrue(Pattern.compile("(?m)^(\\d+ errors?|\\S+: \\d+ problems?; failed: [a-z, -]+)$").matcher(errors).find(),
                    "error count line:\n" + errors);
        }
        if (Files.isRegularFile(pdf)) {
            assertEquals(PREVIOUS, Files.readString(pdf), "the previous PDF is kept");
        }
        assertEquals(before, snapshot(temp), "nothing was written, replaced or removed anywhere");
    }

    private static void assertRendered(Path pdf, String errors) {
        try {
            byte[] bytes = Files.readAllBytes(pdf);
            assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).equals(PREVIOUS), "a new PDF was written");
            assertArrayEquals("%PDF-".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(bytes, 5));
            try (PDDocument doc = PdfFiles.open(pdf)) {
                assertTrue(doc.getNumberOfPages() >= 1, errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file and folder under {@code root} with its size and modification time (links as their target). */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    files.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    files.put(key, "dir");
                } else {
                    files.put(key, Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
                }
            }
        }
        return files;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the last reset: an upper estimate of the case's heap use. */
    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    private static synchronized void record(Case c, int code, long millis, long peak, String errors) throws IOException {
        String first = errors.lines().filter(l -> l.contains(": error: ") || l.startsWith("brochure: ")).findFirst()
                .orElse("").replaceFirst("^.*?: error: ", "").replace('\t', ' ');
        Files.writeString(REPORT, c.name() + "\t" + code + "\t" + millis + "\t" + peak + "\t" + first + "\n",
                StandardOpenOption.APPEND);
    }
}
