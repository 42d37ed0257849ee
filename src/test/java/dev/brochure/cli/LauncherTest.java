package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./brochure} launcher's search for a Java 21 or newer, run as a real shell script
 * with a controlled environment. {@code BROCHURE_PRINT_JAVA} makes it print what it found and
 * stop before it builds or runs anything.
 */
class LauncherTest {

    @TempDir
    Path temp;

    record Run(int code, String out, String err) {
    }

    private Run launcher(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", TestProject.REPO.resolve("brochure").toString(), "--version");
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("BROCHURE_PRINT_JAVA", "1");
        pb.environment().putAll(env);
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher answers");
        return new Run(p.exitValue(), Files.readString(out).strip(), Files.readString(err));
    }

    /** A folder that looks like a JDK of the given version to the launcher (release file, java). */
    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(temp.resolve("jdks").resolve(name));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static int major(Path java) throws IOException {
        Path release = java.toRealPath().getParent().getParent().resolve("release");
        String line = Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_VERSION=")).findFirst()
                .orElseThrow();
        return Integer.parseInt(line.replaceAll("JAVA_VERSION=\"(1\\.)?(\\d+).*", "$2"));
    }

    @Test
    void withoutJavaHomeItFindsAJdkOf21OrNewerInTheUsualPlaces() throws Exception {
        // The java on PATH here is 17 (as on the build machines); the JDKs live under /usr/lib/jvm.
        Run run = launcher(Map.of("HOME", temp.toString()));
        assertEquals(0, run.code(), run.err());
        assertTrue(major(Path.of(run.out())) >= 21, run.out());
    }

    @Test
    void javaHomeComesFirstWhenItIsNewEnough() throws Exception {
        Path jdk = fakeJdk("jdk-22", "22.0.1");
        Run run = launcher(Map.of("JAVA_HOME", jdk.toString()));
        assertEquals(0, run.code(), run.err());
        assertEquals(jdk.resolve("bin/java").toString(), run.out());
    }

    @Test
    void amongJdkFoldersTheNewestIsTakenAndOldOnesAreSkipped() throws Exception {
        fakeJdk("jdk-17", "17.0.9");
        fakeJdk("jdk-21", "21.0.5");
        Path newest = fakeJdk("jdk-23", "23.0.1");
        Run run = launcher(Map.of("JAVA_HOME", fakeJdk("old", "17.0.1").toString(),
                "BROCHURE_JDK_DIRS", temp.resolve("jdks").toString()));
        assertEquals(0, run.code(), run.err());
        assertEquals(newest.resolve("bin/java").toString(), run.out());
    }

    @Test
    void withNoSuitableJavaItSaysSoAndExitsOne() throws Exception {
        fakeJdk("jdk-17", "17.0.9");
        Run run = launcher(Map.of("BROCHURE_JDK_DIRS", temp.resolve("jdks").toString()));
        assertEquals(1, run.code());
        assertTrue(run.err().contains("no Java 21 or newer found"), run.err());
        assertTrue(run.err().contains("set JAVA_HOME"), run.err());
    }
}
