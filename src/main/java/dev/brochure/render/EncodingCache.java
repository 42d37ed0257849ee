package dev.brochure.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import dev.brochure.world.FileStamp;
import dev.brochure.world.image.ImageFiles;

/**
 * Resampled images kept on disk between runs, so a command-line build does not decode and
 * encode every photo again. An entry is found by the source file (its real path, size,
 * modification time and checksum), the variant (crop, size, quality) and the encoder's version, so
 * a changed photo or setting never finds a stale entry, and the PDF is the same with or without
 * the cache. Entries are written atomically; a cache that cannot be read or
 * written is simply not used.
 *
 * <p>The folder is kept to {@code limit} bytes of entries: an entry's modification time is set
 * to the time it was last used, and when a write takes the folder past the limit the entries
 * used longest ago are deleted until it holds at most nine tenths of it (least recently used
 * first). Only the disk is bounded here; other processes may share the folder, so every step is
 * best effort.
 */
final class EncodingCache {

    /** Raise when the encoding changes, so older entries are no longer found. */
    static final String ENCODER_VERSION = "1";

    private final Path dir;
    private final long limit;
    /** Bytes of entries in the folder as this cache last counted them, or -1 before it first writes. */
    private long size = -1;

    EncodingCache(Path dir, long limit) {
        this.dir = dir;
        this.limit = limit;
    }

    EncodingCache(Path dir) {
        this(dir, RenderOptions.DEFAULT_CACHE_LIMIT);
    }

    static EncodingCache disabled() {
        return new EncodingCache(null);
    }

    Optional<byte[]> get(Optional<String> key) {
        if (dir == null || key.isEmpty()) {
            return Optional.empty();
        }
        Path entry = file(key.get());
        try {
            byte[] bytes = Files.readAllBytes(entry);
            used(entry);
            return Optional.of(bytes);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Marks an entry as just used: eviction goes by modification time. */
    private static void used(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // A read-only cache is still read; its entries just keep their age.
        }
    }

    void put(Optional<String> key, byte[] bytes) {
        if (dir == null || key.isEmpty()) {
            return;
        }
        Path target = file(key.get());
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".entry", ".tmp");
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            added(bytes.length);
        } catch (IOException e) {
            // A read-only or full cache only costs time.
        }
    }

    /** Counts a new entry, and evicts the least recently used ones when the folder is over its limit. */
    private synchronized void added(long bytes) throws IOException {
        size = size < 0 ? entries().stream().mapToLong(Entry::size).sum() : size + bytes;
        if (size <= limit) {
            return;
        }
        List<Entry> entries = new ArrayList<>(entries());
        entries.sort(Comparator.comparing(Entry::used).thenComparing(e -> e.path().toString()));
        size = entries.stream().mapToLong(Entry::size).sum();
        long target = limit - limit / 10;
        for (Entry e : entries) {
            if (size <= target) {
                break;
            }
            if (Files.deleteIfExists(e.path())) {
                size -= e.size();
            }
        }
    }

    /** An entry on disk: its file, size and when it was last used. */
    private record Entry(Path path, long size, FileTime used) {
    }

    /** Every entry file in the folder (another process may be deleting some at the same time). */
    private List<Entry> entries() throws IOException {
        Path images = dir.resolve("images");
        if (!Files.isDirectory(images)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(images, 2)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".bin")) {
                    try {
                        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                        out.add(new Entry(f, a.size(), a.lastModifiedTime()));
                    } catch (IOException gone) {
                        // deleted meanwhile
                    }
                }
            }
        }
        return out;
    }


    /**
     * The key of a variant of a source file; empty when the file cannot be looked at. It holds the
     * file's real path, size, modification time and a CRC-32C of its bytes (from the workspace's
     * {@link ImageFiles}, which reads each version of a file once), so that even a photo replaced
     * by another of the same size and time ({@code cp -p}) finds no stale entry in the next run.
     */
    static Optional<String> key(Path source, String variant, ImageFiles images) {
        try {
            Path real = source.toRealPath();
            FileStamp stamp = FileStamp.of(real);
            long checksum = images.checksum(real);
            return Optional.of(real + "|" + stamp.size() + "|" + stamp.modifiedNanos() + "|"
                    + Long.toHexString(checksum) + "|" + variant + "|" + ENCODER_VERSION);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The file an entry is stored in. */
    Path file(String key) {
        String name = sha256(key.getBytes(StandardCharsets.UTF_8));
        return dir.resolve("images").resolve(name.substring(0, 2)).resolve(name.substring(2) + ".bin");
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
