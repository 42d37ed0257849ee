package dev.brochure.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 */
final class EncodingCache {

    /** Raise when the encoding changes, so older entries are no longer found. */
    static final String ENCODER_VERSION = "1";

    private final Path dir;

    EncodingCache(Path dir) {
        this.dir = dir;
    }

    static EncodingCache disabled() {
        return new EncodingCache(null);
    }

    Optional<byte[]> get(Optional<String> key) {
        if (dir == null || key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file(key.get())));
        } catch (IOException e) {
            return Optional.empty();
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
        } catch (IOException e) {
            // A read-only or full cache only costs time.
        }
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

    private Path file(String key) {
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
