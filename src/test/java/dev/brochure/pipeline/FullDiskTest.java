package dev.brochure.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.brochure.testing.TestProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: the command line builds into a 48 KB file system, which fills up halfway
 * through the PDF. The file system is a tmpfs mounted in a private mount namespace
 * ({@code unshare}), so it needs no privileges and vanishes with the process; where the
 * machine does not allow that, the test is skipped ({@code AtomicOutputTest} simulates the
 * same failure in-process).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FullDiskTest {

    @TempDir
    Path temp;

    private static boolean canMountPrivately() {
        try {
            Process p = new ProcessBuilder("unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=16k tmpfs /mnt")
                    .redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aFullDiskIsAUserErrorAndKeepsThePreviousPdf() throws Exception {
        assumeTrue(canMountPrivately(), "no unprivileged mount namespaces here");
        TestProject project = TestProject.copy("minimal", temp.resolve("p"));
        Path disk = Files.createDirectories(temp.resolve("disk"));
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String script = "mount -t tmpfs -o size=48k tmpfs \"$0\" || exit 99\n"
                + "printf 'previous good pdf' > \"$0/brochure.pdf\"\n"
                + "\"$1\" -Djava.awt.headless=true -Xmx512m -cp \"$2\" dev.brochure.cli.Main build --content \"$3\" -o \"$0/brochure.pdf\"\n"
                + "echo \"EXIT $?\"\n"
                + "echo \"FILES $(ls -A \"$0\" | tr '\\n' ' ')\"\n"
                + "echo \"CONTENT $(cat \"$0/brochure.pdf\")\"\n";
        Process process = new ProcessBuilder(List.of("unshare", "-rm", "sh", "-c", script, disk.toString(), java,
                classPath, project.content().toString())).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(50, TimeUnit.SECONDS), out);
        assertTrue(out.contains("EXIT 1\n"), out);
        assertTrue(out.contains("error: cannot write output: no space left on device"), out);
        assertTrue(out.contains("hint: check that the folder exists, is writable and has free space; the previous file"
                + " was kept"), out);
        assertFalse(out.contains("\tat "), "no stack trace: " + out);
        assertTrue(out.contains("FILES brochure.pdf \n"), "no temporary file is left: " + out);
        assertTrue(out.contains("CONTENT previous good pdf\n"), out);
        assertEquals(List.of(), Files.list(disk).toList(), "nothing reached the real disk");
    }
}
