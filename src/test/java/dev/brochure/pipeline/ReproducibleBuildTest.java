package dev.brochure.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identical inputs give identical bytes: no clock, no randomness, no dependence on the folder. */
class ReproducibleBuildTest {

    @TempDir
    Path first;

    @TempDir
    Path second;

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void twoCopiesInDifferentFoldersGiveTheSameBytes() throws Exception {
        Path a = first.resolve("a.pdf");
        Path b = second.resolve("elsewhere/b.pdf");
        new Pipeline(Map.of()).build(TestProject.copy("minimal", first).request(a));
        new Pipeline(Map.of()).build(TestProject.copy("minimal", second).request(b));
        assertEquals(sha256(a), sha256(b));
    }

    @Test
    void sourceDateEpochChangesTheDateAndNothingElseIsRandom() throws Exception {
        Path a = first.resolve("a.pdf");
        Path b = first.resolve("b.pdf");
        Path c = first.resolve("c.pdf");
        TestProject project = TestProject.copy("minimal", first);
        new Pipeline(Map.of("SOURCE_DATE_EPOCH", "1700000000")).build(project.request(a));
        new Pipeline(Map.of("SOURCE_DATE_EPOCH", "1700000000")).build(project.request(b));
        new Pipeline(Map.of()).build(project.request(c));
        assertEquals(sha256(a), sha256(b));
        assertNotEquals(sha256(a), sha256(c), "the creation date is part of the file");
    }
}
