package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the {@code ./brochure} launcher shows while it builds the tool and prepares its start-up
 * cache (README, "Progress"), run as a real shell script in a copy of the checkout's shape with a
 * fake Maven (which takes a moment and writes the jar) and a fake JDK 25 (whose AOT training
 * takes 6 s): one line without a terminal, Maven's step and the time on one; the training never
 * makes the command wait.
 */
class LauncherProgressTest {

    @TempDir
    Path temp;

    private record Run(int code, String out, String err, long millis) {
    }

    private static Path executable(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** A checkout with sources newer than any jar, a fake mvn and a fake JDK 25. */
    private Path checkout() throws IOException {
        Path repo = temp.resolve("repo");
        Files.createDirectories(repo.resolve("src/main"));
        Files.writeString(repo.resolve("src/main/Source.java"), "class Source {}\n");
        Files.writeString(repo.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(repo.resolve("brochure-content"));
        Files.writeString(repo.resolve("brochure-content/brochure.yaml"), "title: x\n");
        Files.copy(TestProject.REPO.resolve("brochure"), repo.resolve("brochure"));
        executable(temp.resolve("bin/mvn"), """
                #!/bin/sh
                echo "[INFO] --- compiler:3.14.0:compile (default-compile) @ brochure ---"
                sleep 2
                echo "[INFO] --- shade:3.6.0:shade (default) @ brochure ---"
                mkdir -p target && echo jar > target/brochure.jar
                """);
        Path jdk = temp.resolve("jdk");
        Files.createDirectories(jdk);
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25\"\n");
        executable(jdk.resolve("bin/java"), """
                #!/bin/sh
                for a in "$@"; do
                    case $a in -XX:AOTCacheOutput=*) sleep 6; : > "${a#-XX:AOTCacheOutput=}"; exit 0 ;; esac
                done
                echo "ran the tool"
                """);
        return repo;
    }

    private Run run(Path repo, boolean terminal) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (terminal) {
            // util-linux script(1) gives the launcher a pseudo-terminal; its output is the terminal's.
            command.addAll(List.of("script", "-qec", "sh " + repo.resolve("brochure") + " --version", "/dev/null"));
        } else {
            command.addAll(List.of("sh", repo.resolve("brochure").toString(), "--version"));
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", temp.resolve("bin") + ":/usr/bin:/bin");
        pb.environment().put("JAVA_HOME", temp.resolve("jdk").toString());
        pb.environment().put("TERM", "xterm");
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        long start = System.nanoTime();
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher answers");
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err), millis);
    }

    @Test
    void withoutATerminalOneLineAndTheTrainingInTheBackground() throws Exception {
        Path repo = checkout();
        Run run = run(repo, false);
        assertEquals(0, run.code(), run.err());
        assertEquals("ran the tool", run.out().strip());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.getFirst().startsWith("brochure: building the tool with Maven into target/brochure.jar"),
                lines.getFirst());
        assertFalse(run.err().contains("\r"), "no redrawn line");
        assertTrue(run.millis() < 7000, "did not wait for the 6 s training: " + run.millis() + " ms");
        Path aot = repo.resolve("target/brochure.aot");
        for (int i = 0; i < 150 && !Files.exists(aot); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(aot), "the cache appears when the background training ends");
        Run again = run(repo, false);
        assertEquals("", again.err(), "nothing to build or train");
    }

    @Test
    void onATerminalMavensStepAndTheTrainingAreShown() throws Exception {
        Path repo = checkout();
        Run run = run(repo, true);
        assertEquals(0, run.code(), run.out());
        String screen = run.out();
        assertTrue(screen.contains("compiler:3.14.0:compile"), screen);
        assertTrue(screen.contains("\r"), "a line redrawn in place");
        assertTrue(screen.contains("brochure: preparing a faster start in the background"), screen);
        assertTrue(screen.contains("ran the tool"), screen);
    }

    /**
     * The start-up cache is trained on a batch long enough for its method profiles to matter: a
     * hundred recipients generated with the example file's columns. Should that training fail, the
     * example's own recipients train it.
     */
    @Test
    void theCacheIsTrainedOnAHundredGeneratedRecipientsThenOnTheExample() throws Exception {
        Path repo = checkout();
        Files.writeString(repo.resolve("brochure-content/recipients.example.csv"),
                "first_name,last_name,email,note\r\nAda,Lovelace,ada@example.org,\"two\nlines\"\r\n");
        Path log = Files.createDirectories(temp.resolve("log"));
        executable(temp.resolve("jdk/bin/java"), """
                #!/bin/sh
                out=""; recipients=""; previous=""
                for a in "$@"; do
                    case $a in -XX:AOTCacheOutput=*) out="${a#-XX:AOTCacheOutput=}" ;; esac
                    [ "$previous" = "--recipients" ] && recipients=$a
                    previous=$a
                done
                if [ -n "$out" ]; then
                    echo "$recipients" >> LOG/calls.txt
                    n=$(wc -l < LOG/calls.txt)
                    cp "$recipients" "LOG/recipients$n.csv"
                    [ "$n" = 1 ] && exit 1
                    : > "$out"; exit 0
                fi
                echo "ran the tool"
                """.replace("LOG", log.toString()));
        Run run = run(repo, false);
        assertEquals(0, run.code(), run.err());
        Path aot = repo.resolve("target/brochure.aot");
        for (int i = 0; i < 150 && !Files.exists(aot); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(aot), "the example's recipients trained the cache");
        List<String> calls = Files.readAllLines(log.resolve("calls.txt"));
        assertEquals(2, calls.size(), calls.toString());
        assertEquals("brochure-content/recipients.example.csv", calls.get(1));
        List<String> generated = Files.readAllLines(log.resolve("recipients1.csv"));
        assertEquals(101, generated.size());
        assertEquals("first_name,last_name,email,note", generated.getFirst());
        assertEquals("first_name 1,last_name 1,reader1@example.org,note 1", generated.get(1));
        assertEquals("first_name 100,last_name 100,reader100@example.org,note 100", generated.get(100));
    }
}
