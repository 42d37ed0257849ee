package dev.brochure.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
