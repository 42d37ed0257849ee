package dev.brochure.pipeline;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Writes a whole file with direct I/O ({@code O_DIRECT} on Linux, through the JDK's supported
 * {@link ExtendedOpenOption#DIRECT}): from a buffer aligned to the file system's block straight to
 * the disk, not copied into the system's file cache first. The file is written in whole blocks, the
 * last one padded with zeros, then cut to its length.
 *
 * <p>For {@link AtomicOutput#write(Path, byte[])}: a batch writes a copy, flushes it to the disk and
 * never reads it again, so the cache's copy of its bytes was pure cost (a third of a batch's system
 * time, measured in docs/performance.md). Direct I/O is an optimisation only: where a platform or
 * file system refuses it, {@link #write} says so and the caller writes the usual way; the folder is
 * then not tried again. Holds a few aligned buffers for reuse; safe for several writer threads.
 */
final class DirectWrites {

    /** Buffers are sized in steps of this, so copies of slightly different sizes share one. */
    private static final int STEP = 1 << 20;
    /** Idle buffers kept for reuse (one or two per writer thread). */
    private static final int KEEP = 4;

    /** Each folder's block size, or 0 where direct I/O is not used. */
    private final Map<Path, Integer> blocks = new ConcurrentHashMap<>();
    /** Aligned buffers not in use. */
    private final Queue<ByteBuffer> idle = new ConcurrentLinkedQueue<>();

    /**
     * Writes {@code bytes} into the existing file {@code file}, flushed to the disk, and returns
     * true; or returns false, having written nothing, when direct I/O is not available there.
     */
    boolean write(Path file, byte[] bytes) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        int block = blocks.computeIfAbsent(folder, DirectWrites::blockSize);
        if (block == 0 || bytes.length > Integer.MAX_VALUE / 2) {
            return false;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                    ExtendedOpenOption.DIRECT);
        } catch (UnsupportedOperationException | IOException refused) {
            blocks.put(folder, 0);
            return false;
        }
        int whole = roundUp(bytes.length, block);
        ByteBuffer buffer = take(whole, block);
        try (channel) {
            buffer.clear();
            buffer.put(bytes);
            buffer.put(new byte[whole - bytes.length]);
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.truncate(bytes.length);
            channel.force(true);
        } catch (IOException e) {
            if (!isRefusal(e)) {
                throw e;
            }
            // The file system took the open but not the aligned write: write this folder the usual way.
            blocks.put(folder, 0);
            return false;
        } finally {
            give(buffer);
        }
        return true;
    }

    /** EINVAL: the kernel's answer to a direct write it cannot do (alignment, file system). */
    private static boolean isRefusal(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("Invalid argument");
    }

    /** The block size direct I/O must be aligned to there, or 0 where it is not worth trying. */
    private static int blockSize(Path folder) {
        try {
            long size = Files.getFileStore(folder).getBlockSize();
            return size > 0 && size <= STEP && Long.bitCount(size) == 1 ? (int) size : 0;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return 0;
        }
    }

    private ByteBuffer take(int length, int block) {
        ByteBuffer buffer = idle.poll();
        if (buffer != null && buffer.capacity() >= length && buffer.alignmentOffset(0, block) == 0) {
            return buffer;
        }
        int capacity = roundUp(length, STEP);
        return ByteBuffer.allocateDirect(capacity + block).alignedSlice(block);
    }

    private void give(ByteBuffer buffer) {
        if (idle.size() < KEEP) {
            idle.offer(buffer);
        }
    }

    private static int roundUp(int length, int unit) {
        return Math.max(unit, (length + unit - 1) / unit * unit);
    }
}
