package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.batch.BatchResult;
import dev.brochure.pipeline.batch.Shard;
import dev.brochure.testing.TestProject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a batch shows its progress (README "Progress and summary"): a progress bar
 * (me.tongfei:progressbar) on a terminal, plain lines elsewhere, at most one every two seconds
 * and one at the end.
 */
class BatchProgressTest {

    private static final BatchResult.Plan PLAN = new BatchResult.Plan(5, 5, 3, 1, 1, Shard.ALL);

    @TempDir
    Path temp;

    @Test
    void plainLinesSayThePlanAndTheEndAndNoMoreThanOneEveryTwoSeconds() {
        StringWriter text = new StringWriter();
        try (Progress lines = Progress.lines(new PrintWriter(text))) {
            lines.planned(PLAN);
            lines.finished(new BatchResult.Outcome(2, "a.pdf", true, 10), 1);
            lines.finished(new BatchResult.Outcome(3, "b.pdf", true, 10), 2);
            lines.finished(new BatchResult.Outcome(4, "c.pdf", false, 0), 3);
        }
        List<String> out = text.toString().lines().toList();
        assertEquals("batch: 5 records, 3 to build, 1 up to date, 1 failed the checks", out.getFirst());
        assertEquals(2, out.size(), "copies done within two seconds show no line of their own: " + out);
        assertTrue(out.get(1).matches("batch: 3/3 copies \\(100%\\), [0-9.]+ copies/s"), out.get(1));
    }

    @Test
    void aBarIsDrawnWithTheProgressBarLibrary() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress bar = Progress.bar(terminal)) {
            bar.planned(PLAN);
            for (int done = 1; done <= 3; done++) {
                bar.finished(new BatchResult.Outcome(done + 1, done + ".pdf", true, 10), done);
            }
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("batch: 5 records, 3 to build, 1 up to date, 1 failed the checks"), out);
        assertTrue(out.contains("copies 100%") && out.contains("3/3") && out.contains("█") && out.contains("\r"),
                "a bar redrawn in place: " + out);
        assertFalse(out.contains("batch: 3/3 copies"), "no plain lines besides the bar: " + out);
    }

    /** A batch run on a pseudo-terminal ({@code script}) shows the bar; the same run into a file shows lines. */
    @Test
    void onATerminalTheBatchShowsABarAndInAFileLines() throws Exception {
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script), "needs script(1) for a pseudo-terminal");
        TestProject project = TestProject.copy("personal", temp.resolve("p"));
        TestProject.copyTree(TestProject.REPO.resolve("fonts"), temp.resolve("p/fonts"));
        Path csv = Files.writeString(temp.resolve("r.csv"), "first_name,last_name,note\nAda,Lovelace,\nAlan,Turing,\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(java, "-Djava.awt.headless=true", "-cp", classPath, "dev.brochure.cli.Main",
                "batch", "--recipients", csv.toString(), "--content", project.content().toString(), "--out",
                temp.resolve("out").toString());

        String onTerminal = run(List.of(script.toString(), "-qec", shell(command), "/dev/null"), temp.resolve("tty.log"));
        assertTrue(onTerminal.contains("copies 100%") && onTerminal.contains("2/2") && onTerminal.contains("\r"),
                "a bar redrawn in place on the terminal: " + onTerminal);
        assertFalse(onTerminal.contains("batch: 2/2 copies"), onTerminal);
        assertTrue(onTerminal.contains("batch: 2 built, 0 up to date, 0 failed"), onTerminal);

        List<String> again = new ArrayList<>(command);
        again.set(again.indexOf(temp.resolve("out").toString()), temp.resolve("out2").toString());
        String inFile = run(again, temp.resolve("file.log"));
        assertTrue(inFile.contains("batch: 2/2 copies (100%)"), inFile);
        assertFalse(inFile.contains("copies 100%") || inFile.contains("\r"), inFile);
    }

    private static String run(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("CI");
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the batch ends");
        String out = Files.readString(log);
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    /** {@code command} as one line for {@code sh -c}, each word quoted. */
    private static String shell(List<String> command) {
        StringBuilder line = new StringBuilder();
        for (String word : command) {
            line.append('\'').append(word.replace("'", "'\\''")).append("' ");
        }
        return line.toString();
    }
}
