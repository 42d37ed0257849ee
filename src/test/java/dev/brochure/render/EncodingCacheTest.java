package dev.brochure.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.pipeline.Pipeline;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.page.TypesetDocument;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resampled images kept on disk between runs change nothing in the PDF, are used, and go stale. */
class EncodingCacheTest {

    @TempDir
    Path temp;

    private TestProject project;
    private TypesetDocument doc;
    private Path cache;

    private static List<Path> entries(Path cache) throws Exception {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(f -> f.toString().endsWith(".bin")).toList();
        }
    }

    /** Renders under the screen profile's resampling as a new process would: nothing in memory (a new workspace). */
    private byte[] render(Path cacheDir) {
        RenderOptions options = new RenderOptions(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), "test",
                0, false, false, new ImagePolicy(200, 0.9f, false), cacheDir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRenderer.render(doc, options, project.workspace(), out);
        return out.toByteArray();
    }

    @Test
    void aRenderingFromTheCacheIsByteForByteOneWithoutAndEditedFilesAreEncodedAgain() throws Exception {
        project = TestProject.copy("minimal", temp);
        doc = new Pipeline(Map.of()).typeset(project.request(temp.resolve("unused.pdf"))).document();
        cache = temp.resolve("cache");

        byte[] without = render(null);
        byte[] first = render(cache);
        assertFalse(entries(cache).isEmpty(), "the resampled images were stored");
        assertArrayEquals(without, first, "the same bytes with the cache");
        assertArrayEquals(without, render(cache), "and from it");

        // The entries are really read: replaced by another picture, they change the PDF.
        ByteArrayOutputStream black = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "jpeg", black);
        for (Path entry : entries(cache)) {
            Files.write(entry, black.toByteArray());
        }
        assertFalse(Arrays.equals(render(cache), without), "the cached encodings were used");

        // A photo edited since (a new modification time) is encoded again.
        Path photo = project.file("images/landscape.jpg");
        Files.setLastModifiedTime(photo, FileTime.fromMillis(Files.getLastModifiedTime(photo).toMillis() + 5_000));
        assertArrayEquals(without, render(cache), "a changed file finds no stale entry");
    }

    @Test
    void theCacheFollowsTheEnvironment() {
        assertEquals(Path.of("/c"), new Pipeline(Map.of("BROCHURE_CACHE", "/c", "HOME", "/h")).cacheDir());
        assertEquals(Path.of("/x/brochure"), new Pipeline(Map.of("XDG_CACHE_HOME", "/x")).cacheDir());
        assertEquals(Path.of("/h/.cache/brochure"), new Pipeline(Map.of("HOME", "/h")).cacheDir());
        assertNull(new Pipeline(Map.of("BROCHURE_CACHE", "off", "HOME", "/h")).cacheDir());
        assertNull(new Pipeline(Map.of()).cacheDir());
    }

    @Test
    void theCacheIsKeptUnderItsLimitByDroppingTheEntriesUsedLongestAgo() throws Exception {
        Path dir = temp.resolve("lru");
        EncodingCache cache = new EncodingCache(dir, 1000);
        for (String key : List.of("a", "b", "c")) {
            cache.put(java.util.Optional.of(key), new byte[300]);
        }
        assertEquals(3, entries(dir).size(), "900 bytes fit under 1000");
        // Ages: a three hours, b two, c one; then a is used, which makes it the most recent.
        long now = System.currentTimeMillis();
        Map<String, Long> ages = Map.of("a", 3L, "b", 2L, "c", 1L);
        for (Map.Entry<String, Long> age : ages.entrySet()) {
            Files.setLastModifiedTime(cache.file(age.getKey()), FileTime.fromMillis(now - age.getValue() * 3_600_000));
        }
        assertTrue(cache.get(java.util.Optional.of("a")).isPresent());

        cache.put(java.util.Optional.of("d"), new byte[300]);
        EncodingCache reader = new EncodingCache(dir, 1000);
        assertTrue(reader.get(java.util.Optional.of("b")).isEmpty(), "b, used longest ago, was dropped");
        for (String kept : List.of("a", "c", "d")) {
            assertTrue(reader.get(java.util.Optional.of(kept)).isPresent(), kept + " was kept");
        }
        long bytes = 0;
        for (Path entry : entries(dir)) {
            bytes += Files.size(entry);
        }
        assertEquals(900, bytes);
    }

    @Test
    void aRenderingUnderATinyLimitLeavesTheCacheWithinItAndThePdfUnchanged() throws Exception {
        project = TestProject.copy("minimal", temp);
        doc = new Pipeline(Map.of()).typeset(project.request(temp.resolve("unused.pdf"))).document();
        Path small = temp.resolve("small");
        RenderOptions options = new RenderOptions(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), "test",
                0, false, false, new ImagePolicy(200, 0.9f, false), small, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRenderer.render(doc, options, project.workspace(), out);
        assertTrue(entries(small).isEmpty(), "nothing fits in one byte");
        assertArrayEquals(render(null), out.toByteArray());
    }

    @Test
    void theLimitFollowsTheEnvironment() throws Exception {
        assertEquals(512_000_000L, new Pipeline(Map.of()).cacheLimit());
        assertEquals(2_000_000_000L, new Pipeline(Map.of("BROCHURE_CACHE_MAX", "2G")).cacheLimit());
        assertEquals(800L * 1024 * 1024, new Pipeline(Map.of("BROCHURE_CACHE_MAX", "800MiB")).cacheLimit());
        assertEquals(512_000_000L, new Pipeline(Map.of("BROCHURE_CACHE_MAX", "lots")).cacheLimit());

        TestProject project = TestProject.copy("minimal", temp);
        var result = new Pipeline(Map.of("BROCHURE_CACHE_MAX", "lots", "BROCHURE_CACHE", "off"))
                .build(project.request(temp.resolve("out.pdf")));
        assertTrue(result.warnings().stream().anyMatch(w -> w.where().file().equals("BROCHURE_CACHE_MAX")
                && w.message().contains("'lots' is not a size")), result.warnings().toString());
    }
}
