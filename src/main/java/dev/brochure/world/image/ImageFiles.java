package dev.brochure.world.image;

import dev.brochure.world.FileStamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * The image files a build context has looked at: each file's probe and the checksum of its bytes,
 * taken from one reading and kept under the file's stamp (size and modification time), so a
 * long-running process (watch mode, batches, size searches) reads each photo once and reads it
 * again as soon as it changes. Thread-safe.
 */
public final class ImageFiles {

    /** Bounds the memory a process that meets very many files keeps for them. */
    private static final int MAX_REMEMBERED = 10_000;

    private record Key(Path path, FileStamp stamp) {
    }

    private final Map<Key, ImageProbe.Probed> probed = new ConcurrentHashMap<>();
    private final Map<Key, Long> checksums = new ConcurrentHashMap<>();

    /** Checks an image file as {@link ImageProbe#probe(String, Path)} does, once per version of the file. */
    public ImageProbe.Probed probe(String ref, Path path) throws ImageProblem, IOException {
        Key key = new Key(path, FileStamp.of(path));
        ImageProbe.Probed known = probed.get(key);
        if (known != null) {
            return known.as(ref);
        }
        byte[] bytes = ImageProbe.read(path);
        ImageProbe.Probed result = ImageProbe.probe(ref, path, bytes);
        remember(checksums, key, checksum(bytes));
        remember(probed, key, result);
        return result;
    }

    /**
     * A CRC-32C of the file's bytes as they are now; the file is read only if no probe of this
     * version of it has read it already. CRC-32C runs at memory speed (a CPU instruction).
     */
    public long checksum(Path path) throws IOException {
        Key key = new Key(path, FileStamp.of(path));
        Long known = checksums.get(key);
        if (known != null) {
            return known;
        }
        long sum = checksum(Files.readAllBytes(path));
        remember(checksums, key, sum);
        return sum;
    }

    private static long checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    private static <V> void remember(Map<Key, V> map, Key key, V value) {
        if (map.size() > MAX_REMEMBERED) {
            map.clear();
        }
        map.put(key, value);
    }
}
