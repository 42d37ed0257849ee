package dev.brochure.pipeline;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.SourceLocation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers only ever see the old complete file or the new complete one:
 * the bytes go to a temporary file beside the target, are flushed to disk, then moved into
 * place. If anything fails the temporary file is removed and the previous file is untouched.
 */
public final class AtomicOutput {

    /** Writes the content; may throw, in which case nothing is replaced. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicOutput() {
    }

    /** Writes {@code target} atomically and returns its size in bytes. */
    public static long write(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = Channels.newOutputStream(channel)) {
                writer.write(new UnclosableStream(out));
                out.flush();
                channel.force(true);
            }
            long size = Files.size(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return size;
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(target), "cannot write output: " + describe(e),
                    "check that the folder exists, is writable and has free space; the previous file was kept");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a stray temporary file is harmless and is never the output
                }
            }
        }
    }

    /** Writers (OpenPDF among them) close the stream they are given; the channel must stay open to sync it. */
    private static final class UnclosableStream extends java.io.FilterOutputStream {
        UnclosableStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase()
                + (message == null ? "" : " (" + message + ")");
    }
}
