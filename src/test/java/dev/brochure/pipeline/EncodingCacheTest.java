package dev.brochure.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.testing.TestProject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resampled images kept on disk between runs change nothing in the PDF, and are really used. */
class EncodingCacheTest {

    @TempDir
    Path temp;

    private static List<Path> entries(Path cache) throws Exception {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(f -> f.toString().endsWith(".bin")).toList();
        }
    }

    /** A build of a fresh copy of the fixture (a new path, so nothing is found in memory). */
    private byte[] build(String copy, String cache) throws Exception {
        TestProject project = TestProject.copy("minimal", temp.resolve(copy));
        Path pdf = temp.resolve(copy + ".pdf");
        new Pipeline(Map.of("BROCHURE_CACHE", cache)).build(project.request(pdf));
        return Files.readAllBytes(pdf);
    }

    @Test
    void aBuildFromTheCacheIsByteForByteABuildWithout() throws Exception {
        Path cache = temp.resolve("cache");
        byte[] first = build("a", cache.toString());
        assertFalse(entries(cache).isEmpty(), "the resampled images were stored");
        assertArrayEquals(build("b", "off"), first, "without the cache");
        assertArrayEquals(build("c", cache.toString()), first, "from the cache");

        // The entries are really read: replaced by another picture, they change the PDF.
        ByteArrayOutputStream red = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "jpeg", red);
        for (Path entry : entries(cache)) {
            Files.write(entry, red.toByteArray());
        }
        assertFalse(Arrays.equals(build("d", cache.toString()), first), "the cached encodings were used");
    }

    @Test
    void theCacheFollowsTheEnvironment() {
        assertEquals(Path.of("/c"), new Pipeline(Map.of("BROCHURE_CACHE", "/c", "HOME", "/h")).cacheDir());
        assertEquals(Path.of("/x/brochure"), new Pipeline(Map.of("XDG_CACHE_HOME", "/x")).cacheDir());
        assertEquals(Path.of("/h/.cache/brochure"), new Pipeline(Map.of("HOME", "/h")).cacheDir());
        assertNull(new Pipeline(Map.of("BROCHURE_CACHE", "off", "HOME", "/h")).cacheDir());
        assertNull(new Pipeline(Map.of()).cacheDir());
    }
}
