package dev.brochure.world;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
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
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (FileSystemException e) { // no such file, or "not a folder" for a name inside the jar
            Optional<Path> jar = Builtins.container(file);
            if (jar.isEmpty()) {
                throw e;
            }
            a = Files.readAttributes(jar.get(), BasicFileAttributes.class);
        }
        return new FileStamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }
}
