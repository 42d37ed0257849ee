package dev.brochure.pipeline;

import dev.brochure.world.Workspace;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.brochure.diag.BrochureException;
import dev.brochure.render.PdfRenderer;
import dev.brochure.render.RenderOptions;
import dev.brochure.testing.TestProject;
import dev.brochure.typeset.page.TypesetDocument;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtomicOutputTest {

    @TempDir
    Path temp;

    private List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A disk that fills up after {@code capacity} bytes, failing as Linux does (ENOSPC). */
    private static final class FullDisk extends FilterOutputStream {
        private long left;

        FullDisk(OutputStream out, long capacity) {
            super(out);
            this.left = capacity;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                out.write(b, off, (int) left);
                left = 0;
                throw new IOException("No space left on device");
            }
            out.write(b, off, len);
            left -= len;
        }
    }

    @Test
    void writesTheFileAndCreatesItsFolder() throws IOException {
        Path target = temp.resolve("out/deep/file.pdf");
        long size = new AtomicOutput().write(target, out -> out.write(new byte[] {1, 2, 3}));
        assertEquals(3, size);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(List.of("file.pdf"), filesIn(target.getParent()), "no temporary file is left");
    }

    @Test
    void aFailingWriteKeepsThePreviousFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = temp.resolve("file.pdf");
        Files.write(target, new byte[] {9, 9});
        BrochureException e = assertThrows(BrochureException.class, () -> new AtomicOutput().write(target, out -> {
            out.write(new byte[] {1, 2, 3});
            throw new IOException("disk full");
        }));
        assertTrue(e.diagnostics().getFirst().message().contains("disk full"), e.getMessage());
        assertArrayEquals(new byte[] {9, 9}, Files.readAllBytes(target));
        assertEquals(List.of("file.pdf"), filesIn(temp));
    }

    @Test
    void aCrashInTheWriterAlsoKeepsThePreviousFile() throws IOException {
        Path target = temp.resolve("file.pdf");
        Files.write(target, new byte[] {7});
        assertThrows(IllegalStateException.class, () -> new AtomicOutput().write(target, out -> {
            out.write(1);
            throw new IllegalStateException("bug");
        }));
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(target));
        assertEquals(List.of("file.pdf"), filesIn(temp));
    }

    /**
     * The real renderer writing a real brochure onto a disk that fills up at various points:
     * OpenPDF wraps the stream's error in its own exception, which must still come out as the
     * user error "no space left on device", with the previous PDF kept and nothing left behind.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 1000, 20_000})
    void aFullDiskKeepsThePreviousPdf(long capacity) throws IOException {
        TestProject project = TestProject.copy("minimal", temp.resolve("p"));
        Workspace workspace = project.workspace();
        TypesetDocument doc = new Pipeline(Map.of()).typeset(project.request(temp.resolve("unused.pdf"))).document();
        RenderOptions options = RenderOptions.screen(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), "test");
        Path folder = Files.createDirectories(temp.resolve("out"));
        Path target = Files.writeString(folder.resolve("brochure.pdf"), "previous good pdf");
        BrochureException e = assertThrows(BrochureException.class, () -> new AtomicOutput().write(target,
                out -> PdfRenderer.render(doc, options, workspace, out), out -> new FullDisk(out, capacity)));
        assertEquals("cannot write output: no space left on device", e.diagnostics().getFirst().message());
        assertTrue(e.diagnostics().getFirst().hint().contains("the previous file was kept"));
        assertEquals("previous good pdf", Files.readString(target));
        assertEquals(List.of("brochure.pdf"), filesIn(folder));
    }

    @Test
    void aFileInTheWayOfTheFolderIsAUserError() throws IOException {
        Path blocker = Files.writeString(temp.resolve("not-a-folder"), "x");
        BrochureException e = assertThrows(BrochureException.class,
                () -> new AtomicOutput().write(blocker.resolve("file.pdf"), out -> out.write(1)));
        assertTrue(e.diagnostics().getFirst().message().startsWith(
                "cannot write output: a file stands where the output folder should be"), e.getMessage());
        assertEquals("x", Files.readString(blocker));
    }

    @Test
    void anOutputPathThatIsAFolderIsRefused() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("brochure.pdf"));
        BrochureException e = assertThrows(BrochureException.class,
                () -> new AtomicOutput().write(folder, out -> out.write(1)));
        assertEquals("the output path exists and is not a file", e.diagnostics().getFirst().message());
        assertTrue(Files.isDirectory(folder));
        assertEquals(List.of(), filesIn(folder));
    }

    @Test
    void aFolderTheKernelRefusesToWriteIn() {
        // /sys takes no new files, not even from root.
        assumeTrue(Files.isDirectory(Path.of("/sys")), "Linux only");
        BrochureException e = assertThrows(BrochureException.class,
                () -> new AtomicOutput().write(Path.of("/sys/brochure-test.pdf"), out -> out.write(1)));
        assertEquals("cannot write in the folder /sys: permission denied", e.diagnostics().getFirst().message());
        assertTrue(Files.notExists(Path.of("/sys/brochure-test.pdf")));
    }

    @Test
    void aReadOnlyFolderIsAUserErrorAndKeepsThePreviousFile() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("ro"));
        Path target = Files.writeString(folder.resolve("b.pdf"), "previous");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(folder), "permissions do not bind this user (root)");
            BrochureException e = assertThrows(BrochureException.class, () -> new AtomicOutput().write(target, out -> out.write(1)));
            assertTrue(e.diagnostics().getFirst().message().endsWith(": permission denied"), e.getMessage());
            assertEquals("previous", Files.readString(target));
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Bytes of every length around the file system's block, the last block cut back to the length. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 511, 4095, 4096, 4097, 65_537, 2_200_123})
    void bytesInMemoryAreWrittenExactly(int length) throws IOException {
        byte[] bytes = new byte[length];
        new java.util.Random(length).nextBytes(bytes);
        Path target = temp.resolve("out/copy.pdf");
        AtomicOutput output = new AtomicOutput();
        assertEquals(length, output.write(target, bytes));
        assertArrayEquals(bytes, Files.readAllBytes(target));
        assertEquals(List.of("copy.pdf"), filesIn(target.getParent()), "no temporary file is left");
        // again, over the first, with a buffer the first write left for reuse
        byte[] second = java.util.Arrays.copyOf(bytes, length / 2);
        assertEquals(length / 2, output.write(target, second));
        assertArrayEquals(second, Files.readAllBytes(target));
    }

    /**
     * A batch's copies bypass the file cache where the file system allows it (ext4 and xfs do on
     * Linux); where it refuses (tmpfs on older kernels, other platforms) the write is the usual one,
     * with the same bytes.
     */
    @Test
    void directIoIsUsedWhereAllowedAndTheUsualWriteElsewhere() throws IOException {
        byte[] bytes = new byte[10_000];
        new java.util.Random(7).nextBytes(bytes);
        Path file = Files.createFile(temp.resolve("direct.bin"));
        String type = Files.getFileStore(temp).type();
        boolean direct = new DirectWrites().write(file, bytes);
        if (List.of("ext4", "xfs").contains(type)) {
            assertTrue(direct, "direct I/O on " + type);
        }
        if (direct) {
            assertArrayEquals(bytes, Files.readAllBytes(file));
        }
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no /dev/shm here");
        Path elsewhere = Files.createTempFile(shm, "atomic-output-test", ".pdf");
        try {
            assertEquals(bytes.length, new AtomicOutput().write(elsewhere, bytes));
            assertArrayEquals(bytes, Files.readAllBytes(elsewhere));
        } finally {
            Files.deleteIfExists(elsewhere);
        }
    }

    @Test
    void bytesInMemoryKeepTheReplacedFilesPermissions() throws IOException {
        Path target = Files.writeString(temp.resolve("b.pdf"), "previous");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));
        new AtomicOutput().write(target, new byte[] {1, 2});
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        Path fresh = temp.resolve("new.pdf");
        new AtomicOutput().write(fresh, new byte[] {1, 2});
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void bytesInMemoryIntoAFolderTheKernelRefusesIsAUserError() {
        assumeTrue(Files.isDirectory(Path.of("/sys")), "Linux only");
        BrochureException e = assertThrows(BrochureException.class,
                () -> new AtomicOutput().write(Path.of("/sys/brochure-test.pdf"), new byte[] {1}));
        assertEquals("cannot write in the folder /sys: permission denied", e.diagnostics().getFirst().message());
    }
}
