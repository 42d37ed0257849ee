package dev.brochure.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The container recipe (README, "Docker"): a Java 21+ runtime, the release jar and nothing else
 * of the repository, run as {@code java -jar} in /work. (Building the image needs a Docker daemon,
 * which the tests do not require; ReleaseJarIT runs the same jar the same way.)
 */
class DockerfileTest {

    private static List<String> instructions() throws IOException {
        return Files.readAllLines(Path.of("Dockerfile")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void aJava21RuntimeRunsTheReleaseJarInWork() throws IOException {
        List<String> lines = instructions();
        Matcher from = Pattern.compile("FROM eclipse-temurin:(\\d+)-jre").matcher(lines.getFirst());
        assertTrue(from.matches(), lines.getFirst());
        assertTrue(Integer.parseInt(from.group(1)) >= 21, "JDK 21+ runtime");
        assertTrue(lines.contains("COPY target/brochure.jar /opt/brochure/brochure.jar"), lines.toString());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("COPY") || l.startsWith("ADD")).count(), "only the jar");
        assertTrue(lines.contains("WORKDIR /work"));
        String entry = lines.stream().filter(l -> l.startsWith("ENTRYPOINT")).findFirst().orElseThrow();
        assertTrue(entry.matches("ENTRYPOINT \\[\"java\", .*\"-jar\", \"/opt/brochure/brochure.jar\"\\]"), entry);
    }

    @Test
    void theBuildContextIsOnlyTheJar() throws IOException {
        assertEquals(List.of("*", "!target/brochure.jar"), Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
    }
}
