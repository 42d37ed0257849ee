package dev.brochure.world;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A file as it stands: its size and modification time (to the nanosecond where the file system
 * keeps them). The build context keeps what it read from a file under its stamp, and reads the
 * file again when the stamp changes, so a long-running process never uses a file's old contents.
 */
public record FileStamp(long size, long modifiedNanos) {

    /** The stamp of {@code file}; a built-in file of the packaged tool has its jar's. */
    public static FileStamp of(Path file) throws IOException {
        // A built-in file is asked of its jar at once: a failed look-up first would cost an exception each time.
        Optional<Path> jar = Builtins.container(file);
        BasicFileAttributes a = Files.readAttributes(jar.orElse(file), BasicFileAttributes.class);
        return new FileStamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }
}
