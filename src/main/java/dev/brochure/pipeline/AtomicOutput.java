package dev.brochure.pipeline;

import dev.brochure.diag.BrochureException;
import dev.brochure.vocab.SourceLocation;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Writes a file so that readers only ever see the old complete file or the new complete one:
 * the bytes go to a temporary file beside the target, are flushed to disk, then moved into
 * place. If anything fails the temporary file is removed and the previous file is untouched.
 *
 * <p>An interrupt (Ctrl-C, SIGTERM, a CI job cancelled) ends the JVM through its shutdown hooks;
 * while a write is in progress, this writer has one registered that removes the temporary files
 * of its unfinished writes, and the move never happened, so the previous file stays. Only SIGKILL
 * skips the hooks: then a hidden {@code .name.*.tmp} file may remain beside the target, which is
 * still never the output. One writer serves a pipeline; it holds no state beyond its writes in
 * progress.
 */
public final class AtomicOutput {

    /** Writes the content; may throw, in which case nothing is replaced. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** The folder messages show paths relative to (null: as given). */
    private final Path displayRoot;
    /** Temporary files being written now; removed by the shutdown hook if the JVM ends first. Guarded by this. */
    private final Set<Path> inProgress = new HashSet<>();
    /** Registered with the JVM while {@link #inProgress} is not empty. Guarded by this. */
    private Thread hook;
    /**
     * Set once the JVM is ending: other threads keep running while the hooks run, so a write that
     * had not yet begun must not begin then, or its temporary file would outlive the hook.
     * Guarded by this.
     */
    private boolean shuttingDown;
    /** Direct I/O for {@link #write(Path, byte[])}: its aligned buffers and what each folder allows. */
    private final DirectWrites direct = new DirectWrites();

    public AtomicOutput(Path displayRoot) {
        this.displayRoot = displayRoot;
    }

    public AtomicOutput() {
        this(null);
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
    public long write(Path target, Writer writer) {
        return write(target, writer, UnaryOperator.identity());
    }

    /** As {@link #write(Path, Writer)}, with the file's stream wrapped (tests simulate a full disk this way). */
    long write(Path target, Writer writer, UnaryOperator<OutputStream> wrap) {
        RecordingStream[] recording = new RecordingStream[1];
        return replace(target, temp -> {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = wrap.apply(Channels.newOutputStream(channel))) {
                recording[0] = new RecordingStream(out);
                writer.write(recording[0]);
                recording[0].flush();
                channel.force(true);
            }
        }, () -> recording[0] == null ? null : recording[0].failure);
    }

    /**
     * Writes {@code bytes} to {@code target} atomically and returns the size, as {@link #write(Path,
     * Writer)} does, for a file already whole in memory (a batch's copies). Where the file system
     * allows it the bytes go to the disk directly (direct I/O), not through the system's file cache:
     * they are flushed to the disk before the move anyway, and a batch writes gigabytes nobody reads
     * back, which would otherwise be copied into the cache first and crowd out what is in it. Where
     * direct I/O is refused (another platform, a file system without it) the write is the usual one.
     */
    public long write(Path target, byte[] bytes) {
        return replace(target, temp -> {
            if (!direct.write(temp, bytes)) {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer all = ByteBuffer.wrap(bytes);
                    while (all.hasRemaining()) {
                        channel.write(all);
                    }
                    channel.force(true);
                }
            }
        }, () -> null);
    }

    /** Puts the new file's bytes into its temporary file, flushed to the disk. */
    @FunctionalInterface
    private interface Fill {
        void into(Path temp) throws IOException;
    }

    /**
     * Writes the temporary file with {@code fill}, then moves it over {@code target}. A writer that
     * wraps the stream's IOException in its own unchecked one (OpenPDF does) is reported by the
     * IOException {@code streamFailure} recorded, if any.
     */
    private long replace(Path target, Fill fill, Supplier<IOException> streamFailure) {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        Path temp = null;
        try {
            if (Files.exists(absolute) && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isSymbolicLink(absolute)) {
                throw BrochureException.of(SourceLocation.of(target), "the output path exists and is not a file",
                        "give a file name with -o, for example out/brochure.pdf");
            }
            Files.createDirectories(folder);
            temp = begin(target, absolute, folder);
            fill.into(temp);
            long size = Files.size(temp);
            permissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            end(temp);
            temp = null;
            syncFolder(folder);
            return size;
        } catch (IOException e) {
            throw failure(target, e);
        } catch (RuntimeException e) {
            IOException underneath = streamFailure.get();
            if (underneath != null) {
                throw failure(target, underneath);
            }
            throw e;
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a stray temporary file is harmless and is never the output
                }
                end(temp);
            }
        }
    }

    /** Creates the temporary file, registered for removal should the JVM end before the write does. */
    private synchronized Path begin(Path target, Path absolute, Path folder) throws IOException {
        if (shuttingDown) {
            throw new IOException("interrupted before the output was written");
        }
        if (hook == null) {
            Thread remover = new Thread(this::removeUnfinished, "remove unfinished output");
            try {
                Runtime.getRuntime().addShutdownHook(remover);
            } catch (IllegalStateException alreadyEnding) {
                shuttingDown = true;
                throw new IOException("interrupted before the output was written");
            }
            hook = remover;
        }
        Path temp;
        try {
            temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            end(null);
            throw BrochureException.of(SourceLocation.of(target), "cannot write in the folder "
                    + SourceLocation.display(folder, displayRoot) + ": " + describe(e).replaceFirst(": .*$", ""),
                    "choose an output folder you can write to, with -o");
        }
        inProgress.add(temp);
        return temp;
    }

    private synchronized boolean endingNow() {
        return shuttingDown;
    }

    /** The write of {@code temp} is over (moved or removed); the hook goes when no write is left. */
    private synchronized void end(Path temp) {
        if (temp != null) {
            inProgress.remove(temp);
        }
        if (inProgress.isEmpty() && hook != null && !shuttingDown) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyEnding) {
                // the hook is running or has run; it removes what is left
            }
            hook = null;
        }
    }

    private BrochureException failure(Path target, IOException e) {
        if (endingNow()) {
            // The shutdown hook removed the temporary file under the write.
            return BrochureException.of(SourceLocation.of(target), "interrupted while the output was written",
                    "run the command again; the previous file was kept");
        }
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

    private void removeUnfinished() {
        List<Path> unfinished;
        synchronized (this) {
            shuttingDown = true;
            unfinished = List.copyOf(inProgress);
        }
        for (Path temp : unfinished) {
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
    String describe(IOException e) {
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
        return file == null ? text : text + ": " + SourceLocation.display(Path.of(file), displayRoot);
    }
}
