package dev.brochure.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.diag.BrochureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

    @TempDir
    Path temp;

    private long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void writesTheFileAndCreatesItsFolder() throws IOException {
        Path target = temp.resolve("out/deep/file.pdf");
        long size = AtomicOutput.write(target, out -> out.write(new byte[] {1, 2, 3}));
        assertEquals(3, size);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(1, filesIn(target.getParent()), "no temporary file is left");
    }

    @Test
    void aFailingWriteKeepsThePreviousFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = temp.resolve("file.pdf");
        Files.write(target, new byte[] {9, 9});
        BrochureException e = assertThrows(BrochureException.class, () -> AtomicOutput.write(target, out -> {
            out.write(new byte[] {1, 2, 3});
            throw new IOException("disk full");
        }));
        assertTrue(e.diagnostics().getFirst().message().contains("disk full"), e.getMessage());
        assertArrayEquals(new byte[] {9, 9}, Files.readAllBytes(target));
        assertEquals(1, filesIn(temp));
    }

    @Test
    void aCrashInTheWriterAlsoKeepsThePreviousFile() throws IOException {
        Path target = temp.resolve("file.pdf");
        Files.write(target, new byte[] {7});
        assertThrows(IllegalStateException.class, () -> AtomicOutput.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("bug");
        }));
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(target));
        assertEquals(1, filesIn(temp));
    }

    @Test
    void anUnwritableFolderIsAUserError() throws IOException {
        Path blocker = Files.writeString(temp.resolve("not-a-folder"), "x");
        BrochureException e = assertThrows(BrochureException.class,
                () -> AtomicOutput.write(blocker.resolve("file.pdf"), out -> out.write(1)));
        assertTrue(e.diagnostics().getFirst().message().startsWith("cannot write output"), e.getMessage());
    }
}
