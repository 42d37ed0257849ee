package dev.brochure.pipeline;

import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Writes a file so that readers only ever see the old complete file or the new complete one:
 * the bytes go to a temporary file beside the target, are flushed to disk, then moved into
 * place. If anything fails the temporary file is removed and the previous file is untouched.
 *
 * <p>An interrupt (Ctrl-C, SIGTERM, a CI job cancelled) ends the JVM through its shutdown hooks;
 * one of them removes the temporary files of writes still in progress, and the move never
 * happened, so the previous file stays. Only SIGKILL skips the hooks: then a hidden
 * {@code .name.*.tmp} file may remain beside the target, which is still never the output.
 */
public final class AtomicOutput {

    /** Writes the content; may throw, in which case nothing is replaced. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Temporary files being written now; removed by the shutdown hook if the JVM ends first. */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
    /** Guards {@link #shuttingDown} and the creation of temporary files, against the shutdown hook. */
    private static final Object LOCK = new Object();
    /**
     * Set once the JVM is ending: other threads keep running while the hooks run, so a write that
     * had not yet begun must not begin then, or its temporary file would outlive the hook.
     */
    private static boolean shuttingDown;

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicOutput::removeUnfinished, "remove unfinished output"));
        } catch (IllegalStateException alreadyEnding) {
            shuttingDown = true;
        }
    }

    private AtomicOutput() {
    }

    /**
     * A temporary file is private to its owner (0600); the PDF it becomes is not: it keeps the
     * permissions of the file it replaces, or gets the usual rw-r--r-- of a new document.
     */
    private static void permissions(Path temp, Path target) {
        try {
            Set<PosixFilePermission> wanted = Files.exists(target)
                    ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temp, wanted);
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system, or permissions we may not set: the file keeps the default.
        }
    }

    /** Writes {@code target} atomically and returns its size in bytes. */
    public static long write(Path target, Writer writer) {
        return write(target, writer, UnaryOperator.identity());
    }

    /** As {@link #write(Path, Writer)}, with the file's stream wrapped (tests simulate a full disk this way). */
    static long write(Path target, Writer writer, UnaryOperator<OutputStream> wrap) {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        Path temp = null;
        RecordingStream recording = null;
        try {
            if (Files.exists(absolute) && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isSymbolicLink(absolute)) {
                throw BrochureException.of(SourceLocation.of(target), "the output path exists and is not a file",
                        "give a file name with -o, for example out/brochure.pdf");
            }
            Files.createDirectories(folder);
            synchronized (LOCK) {
                if (shuttingDown) {
                    throw new IOException("interrupted before the output was written");
                }
                try {
                    temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
                } catch (IOException e) {
                    throw BrochureException.of(SourceLocation.of(target), "cannot write in the folder "
                            + SourceLocation.display(folder) + ": " + describe(e).replaceFirst(": .*$", ""),
                            "choose an output folder you can write to, with -o");
                }
                IN_PROGRESS.add(temp);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = wrap.apply(Channels.newOutputStream(channel))) {
                recording = new RecordingStream(out);
                writer.write(recording);
                recording.flush();
                channel.force(true);
            }
            long size = Files.size(temp);
            permissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            IN_PROGRESS.remove(temp);
            temp = null;
            syncFolder(folder);
            return size;
        } catch (IOException e) {
            throw failure(target, e);
        } catch (RuntimeException e) {
            // Writers (OpenPDF among them) wrap the stream's IOException in their own unchecked one.
            if (recording != null && recording.failure != null) {
                throw failure(target, recording.failure);
            }
            throw e;
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a stray temporary file is harmless and is never the output
                }
                IN_PROGRESS.remove(temp);
            }
        }
    }

    private static BrochureException failure(Path target, IOException e) {
        return BrochureException.of(SourceLocation.of(target), "cannot write output: " + describe(e),
                "check that the folder exists, is writable and has free space; the previous file was kept");
    }

    /** Makes the rename itself durable; not every platform can open a folder for this, which is fine. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException ignored) {
            // the file's own bytes were already forced; only the rename's durability is at stake
        }
    }

    private static void removeUnfinished() {
        synchronized (LOCK) {
            shuttingDown = true;
        }
        for (Path temp : IN_PROGRESS) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the JVM is ending; nothing more can be done
            }
        }
    }

    /** Writers (OpenPDF among them) close the stream they are given; the channel must stay open to sync it. */
    private static final class RecordingStream extends FilterOutputStream {
        private IOException failure;

        RecordingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** The reason in words: "permission denied", "no space left on device", "not a folder: out". */
    static String describe(IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        String file = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : null;
        String text = switch (e) {
            case AccessDeniedException a -> "permission denied";
            case NoSuchFileException n -> "no such file or folder";
            case NotDirectoryException n -> "not a folder";
            case FileAlreadyExistsException f -> "a file stands where the output folder should be";
            default -> reason == null ? e.getClass().getSimpleName() : reason;
        };
        text = text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        return file == null ? text : text + ": " + SourceLocation.display(Path.of(file));
    }
}
