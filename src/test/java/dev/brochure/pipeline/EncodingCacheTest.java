package dev.brochure.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resampled images kept on disk between runs change nothing in the PDF. */
class EncodingCacheTest {

    @TempDir
    Path temp;

    private static long entries(Path cache) throws Exception {
        if (!Files.isDirectory(cache)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(f -> f.toString().endsWith(".bin")).count();
        }
    }

    @Test
    void aBuildFromTheCacheIsByteForByteABuildWithout() throws Exception {
        TestProject project = TestProject.copy("minimal", temp);
        Path cache = temp.resolve("cache");
        Path without = temp.resolve("without.pdf");
        Path first = temp.resolve("first.pdf");
        Path second = temp.resolve("second.pdf");
        new Pipeline(Map.of("BROCHURE_CACHE", "off")).build(project.request(without));
        new Pipeline(Map.of("BROCHURE_CACHE", cache.toString())).build(project.request(first));
        long stored = entries(cache);
        assertTrue(stored >= 2, "the resampled images were stored: " + stored);
        // A new pipeline (as a new process would be) finds them on disk.
        new Pipeline(Map.of("BROCHURE_CACHE", cache.toString())).build(project.request(second));
        assertArrayEquals(Files.readAllBytes(without), Files.readAllBytes(first));
        assertArrayEquals(Files.readAllBytes(without), Files.readAllBytes(second));
    }

    @Test
    void theCacheFollowsXdgAndHome() {
        assertTrue(new Pipeline(Map.of("XDG_CACHE_HOME", "/x")).cacheDir().equals(Path.of("/x/brochure")));
        assertTrue(new Pipeline(Map.of("HOME", "/h")).cacheDir().equals(Path.of("/h/.cache/brochure")));
        assertTrue(new Pipeline(Map.of()).cacheDir() == null);
    }
}
