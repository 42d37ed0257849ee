package dev.brochure.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real processes interrupted by real signals: whatever moment Ctrl-C (SIGINT) or a cancelled CI
 * job (SIGTERM) strikes, the output is the previous complete file or the new complete one,
 * never a partial PDF, and no temporary file is left behind.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InterruptedBuildTest {

    @TempDir
    Path temp;

    /** A JVM like this one (same java, same class path) running {@code main} with {@code args}. */
    private static Process java(String main, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-Xmx512m", "-cp", classPath, main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void signal(Process process, String signal) throws IOException, InterruptedException {
        if (signal.equals("TERM")) {
            process.destroy(); // SIGTERM on Unix
        } else {
            // A build that finished first has no process left to signal: kill's complaint is not output.
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        }
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalDuringTheWriteKeepsThePreviousFileAndRemovesTheTemporaryOne(String signal) throws Exception {
        dev.brochure.testing.Signals.assumeDelivered(signal);
        Path target = Files.writeString(temp.resolve("brochure.pdf"), "previous good pdf");
        Process process = java(SlowWriteMain.class.getName(), target.toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("WRITING", out.readLine(), "the writer started");
        assertEquals(2, filesIn(temp).size(), "the temporary file exists during the write: " + filesIn(temp));
        signal(process, signal);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the process ended");
        assertTrue(process.exitValue() != 0, "an interrupted write does not succeed");
        assertEquals("previous good pdf", Files.readString(target));
        assertEquals(List.of("brochure.pdf"), filesIn(temp), "no temporary file is left");
    }

    @Test
    void aSignalDuringTheFirstWriteLeavesNoFileAtAll() throws Exception {
        Path target = temp.resolve("brochure.pdf");
        Process process = java(SlowWriteMain.class.getName(), target.toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("WRITING", out.readLine());
        signal(process, "TERM");
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(List.of(), filesIn(temp));
    }

    /**
     * The real command line, killed at moments spread over a build (startup, reading, typesetting,
     * writing): each time the PDF is either the previous file or a complete new brochure.
     */
    @Test
    void theRealBuildInterruptedAtAnyMomentNeverLeavesAPartialPdf() throws Exception {
        TestProject project = TestProject.copy("minimal", temp.resolve("p"));
        Path folder = Files.createDirectories(temp.resolve("out"));
        Path target = folder.resolve("brochure.pdf");
        String[] build = {"build", "--content", project.content().toString(), "-o", target.toString()};

        long start = System.nanoTime();
        Process full = java("dev.brochure.cli.Main", build);
        assertTrue(full.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, full.exitValue(), new String(full.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        long fullMillis = (System.nanoTime() - start) / 1_000_000;
        byte[] good = Files.readAllBytes(target);

        for (double fraction : new double[] {0.5, 0.8, 0.9, 0.97}) {
            Files.writeString(target, "previous good pdf");
            Process process = java("dev.brochure.cli.Main", build);
            Thread.sleep((long) (fullMillis * fraction));
            signal(process, fraction < 0.85 ? "INT" : "TERM");
            assertTrue(process.waitFor(20, TimeUnit.SECONDS));
            byte[] now = Files.readAllBytes(target);
            boolean previous = new String(now, StandardCharsets.US_ASCII).equals("previous good pdf");
            if (!previous) {
                assertEquals(good.length, now.length, "a complete new PDF (killed at " + fraction + ")");
                try (PDDocument doc = PdfFiles.open(target)) {
                    assertEquals(2, doc.getNumberOfPages());
                }
            }
            assertEquals(List.of("brochure.pdf"), filesIn(folder), "no temporary file (killed at " + fraction + ")");
        }
    }
}
