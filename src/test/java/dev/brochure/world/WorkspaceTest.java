package dev.brochure.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.Diagnostic;
import dev.brochure.diag.Diagnostics;
import dev.brochure.testing.TestImages;
import dev.brochure.testing.TestProject;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.world.image.ImageProbe;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build context: its caches follow the files, its slots are per type, its paths are shown from its root. */
class WorkspaceTest {

    @TempDir
    Path temp;

    private static final class SomeStageCache {
    }

    @Test
    void aSlotIsOneObjectPerTypeSharedByTheWorkspacesOfOneProcess() {
        Workspace first = Workspace.of(temp.resolve("a/content"));
        SomeStageCache cache = first.slot(SomeStageCache.class, SomeStageCache::new);
        assertSame(cache, first.slot(SomeStageCache.class, SomeStageCache::new));
        Workspace other = first.forProject(temp.resolve("b/content"), temp.resolve("b"));
        assertSame(cache, other.slot(SomeStageCache.class, SomeStageCache::new), "another project, same caches");
        assertSame(first.fonts(), other.fonts());
        assertNotSame(cache, Workspace.of(temp.resolve("a/content")).slot(SomeStageCache.class, SomeStageCache::new),
                "a new workspace starts empty");
    }

    @Test
    void pathsAreShownFromTheDisplayRootAndBuiltInFilesByTheirName() {
        Path content = temp.resolve("project/brochure-content");
        Workspace byProject = Workspace.of(content);
        assertEquals("brochure-content/brochure.yaml", byProject.display(content.resolve("brochure.yaml")));
        Workspace byShell = Workspace.create(content, content.getParent(), Map.of(), temp);
        assertEquals("project/brochure-content/brochure.yaml", byShell.display(content.resolve("brochure.yaml")));
        Path outside = Path.of("/somewhere/else.yaml");
        assertEquals(outside.toString(), byShell.display(outside));
        assertEquals(SourceLocation.of("project/brochure-content"), byShell.where(content));

        Path lato = Builtins.path("fonts", "Lato-Regular.ttf").orElseThrow();
        assertEquals("builtin:fonts/Lato-Regular.ttf", byShell.display(lato));
    }

    @Test
    void builtInFontsResolveInsideTheToolAndAWrongNameIsAnErrorWithASuggestion() throws IOException {
        Workspace workspace = Workspace.of(temp.resolve("content"));
        Diagnostics diagnostics = new Diagnostics();
        SourceLocation at = SourceLocation.of("themes/t.yaml");
        Path found = workspace.project().resolveAsset("builtin:fonts/Vollkorn-Italic.ttf", at, diagnostics).orElseThrow();
        assertEquals(Files.size(TestProject.FONTS.resolve("Vollkorn-Italic.ttf")), Files.size(found));
        assertEquals("Vollkorn Italic", workspace.font(found).name());

        assertTrue(workspace.project().resolveAsset("builtin:fonts/Vollkorn-Itallic.ttf", at, diagnostics).isEmpty());
        assertTrue(workspace.project().resolveAsset("builtin:themes/default.yaml", at, diagnostics).isEmpty());
        assertTrue(workspace.project().resolveAsset("builtin:fonts/../themes/default.yaml", at, diagnostics).isEmpty());
        Diagnostic typo = diagnostics.all().getFirst();
        assertEquals("the tool has no built-in file 'builtin:fonts/Vollkorn-Itallic.ttf'", typo.message());
        assertEquals("did you mean 'builtin:fonts/Vollkorn-Italic.ttf'?", typo.hint());
        assertEquals(3, diagnostics.all().size());
    }

    @Test
    void assetsAreFoundInTheContentFolderFirstThenBesideIt() throws IOException {
        Path root = temp.resolve("project");
        Path content = Files.createDirectories(root.resolve("brochure-content"));
        Path beside = Files.createDirectories(root.resolve("images")).resolve("a.png");
        Files.write(beside, TestImages.png(TestImages.grey(4, 4)));
        Diagnostics diagnostics = new Diagnostics();
        Workspace workspace = Workspace.of(content);
        assertEquals(beside.toRealPath(),
                workspace.project().resolveAsset("images/a.png", SourceLocation.of("s.yaml"), diagnostics).orElseThrow());
        Path inside = Files.createDirectories(content.resolve("images")).resolve("a.png");
        Files.write(inside, TestImages.png(TestImages.grey(8, 8)));
        assertEquals(inside.toRealPath(),
                workspace.project().resolveAsset("images/a.png", SourceLocation.of("s.yaml"), diagnostics).orElseThrow());
        assertTrue(diagnostics.all().isEmpty(), diagnostics.all().toString());
    }

    @Test
    void anImageIsProbedOncePerVersionAndItsChecksumComesFromThatReading() throws Exception {
        Workspace workspace = Workspace.of(temp.resolve("content"));
        Path file = temp.resolve("photo.png");
        Files.write(file, TestImages.png(TestImages.quadrants(40, 30, BufferedImage.TYPE_INT_RGB)));
        ImageProbe.Probed first = workspace.images().probe("photo.png", file);
        assertEquals(40, first.image().pixelWidth());
        assertSame(first.image().path(), workspace.images().probe("photo.png", file).image().path());
        assertEquals(crc(file), workspace.images().checksum(file));

        FileTime time = Files.getLastModifiedTime(file);
        Files.write(file, TestImages.png(TestImages.quadrants(80, 60, BufferedImage.TYPE_INT_RGB)));
        Files.setLastModifiedTime(file, time);
        assertEquals(80, workspace.images().probe("photo.png", file).image().pixelWidth(), "a changed file is probed again");
        assertEquals(crc(file), workspace.images().checksum(file));
        assertEquals("other.png", workspace.images().probe("other.png", file).image().ref(), "named as asked");
    }

    private static long crc(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(Files.readAllBytes(file));
        return crc.getValue();
    }

    @Test
    void theEnvironmentIsTheOneGivenNotTheProcesss() {
        Workspace none = Workspace.of(temp.resolve("content"));
        assertEquals(Map.of(), none.environment());
        assertEquals(Optional.empty(), none.cacheDir());
        Workspace given = Workspace.create(temp.resolve("content"), temp, Map.of("XDG_CACHE_HOME", "/x"), null);
        assertEquals(Optional.of(Path.of("/x/brochure")), given.cacheDir());
    }
}
