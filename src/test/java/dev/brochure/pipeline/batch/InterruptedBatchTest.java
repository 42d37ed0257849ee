package dev.brochure.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.testing.PdfFiles;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real batch process killed in the middle (Ctrl-C, SIGTERM, SIGKILL): no PDF in the folder is
 * partial, every manifest entry names a finished file with its hash, and the next run builds
 * exactly the copies that are missing.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InterruptedBatchTest {

    private static final int COUNT = 160;

    @TempDir
    Path temp;

    private static Process java(Path folder, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Djava.awt.headless=true", "-Xmx512m", "-cp", classPath,
                "dev.brochure.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("log.txt").toFile()).start();
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM", "KILL"})
    void aKilledBatchLeavesOnlyWholeCopiesAndAManifestTheNextRunTrusts(String signal) throws Exception {
        dev.brochure.testing.Signals.assumeDelivered(signal);
        TestProject project = TestProject.copy("personal", temp.resolve("p"));
        TestProject.copyTree(TestProject.REPO.resolve("fonts"), temp.resolve("p/fonts"));
        StringBuilder csv = new StringBuilder("first_name,last_name,programme,note\n");
        for (int i = 1; i <= COUNT; i++) {
            csv.append("Given").append(i).append(",Family").append(i).append(",Programme ").append(i % 4)
                    .append(",A note for reader ").append(i).append('\n');
        }
        Path recipients = Files.writeString(temp.resolve("r.csv"), csv);
        Path out = temp.resolve("out");
        String[] args = {"batch", "--recipients", recipients.toString(), "--content", project.content().toString(),
                "--out", out.toString(), "--jobs", "2", "--progress", "lines"};

        Process process = java(temp, args);
        Path manifest = out.resolve("manifest.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!(Files.exists(manifest) && Files.readAllLines(manifest).size() >= 30) && process.isAlive()) {
            assertTrue(System.nanoTime() < deadline, "the batch got going: " + Files.readString(temp.resolve("log.txt")));
            Thread.sleep(20);
        }
        assertTrue(process.isAlive(), "still building when it is stopped");
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process ended");

        List<Path> pdfs = files(out, ".pdf");
        assertTrue(pdfs.size() >= 30 && pdfs.size() < COUNT, pdfs.size() + " copies when it was stopped");
        for (Path pdf : pdfs) {
            try (PDDocument doc = PdfFiles.open(pdf)) {
                assertEquals(1, doc.getNumberOfPages(), pdf + " is a whole copy");
            }
        }
        Map<String, Manifest.Entry> entries = Manifest.read(manifest);
        assertTrue(entries.size() >= 30, entries.size() + " entries");
        int kept = 0;
        for (Manifest.Entry entry : entries.values()) {
            if (!entry.ok()) {
                // A copy finished while the JVM was ending is refused by the output (no write may begin then).
                assertTrue(entry.errors().toString().contains("interrupted"), entry.toString());
                continue;
            }
            kept++;
            assertEquals(Manifest.BUILT, entry.status());
            Path pdf = out.resolve(entry.file());
            assertTrue(Files.exists(pdf), entry.file());
            assertEquals(entry.sha256(), sha256(pdf), "the manifest names finished files only: " + entry.file());
        }
        List<Path> left = files(out, ".tmp");
        if (!signal.equals("KILL")) {
            assertEquals(List.of(), left, "Ctrl-C and SIGTERM remove their temporary files");
        }
        for (Path temporary : left) {
            // A SIGKILL skips every hook; the next run tidies such files once they are old.
            Files.setLastModifiedTime(temporary, FileTime.from(Instant.now().minusSeconds(3600)));
        }

        Process again = java(temp, args);
        assertTrue(again.waitFor(200, TimeUnit.SECONDS), "the second run ended");
        String log = Files.readString(temp.resolve("log.txt"));
        assertEquals(0, again.exitValue(), log);
        assertTrue(log.contains("batch: " + (COUNT - kept) + " built, " + kept + " up to date, 0 failed"), log);
        assertEquals(COUNT, files(out, ".pdf").size());
        assertEquals(List.of(), files(out, ".tmp"));
        assertEquals(COUNT, Manifest.read(manifest).size());
    }
}
