package dev.brochure.world;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files that ship inside the tool (built-in layouts and themes), read from the class path
 * whether it is a folder (during development and tests) or the packaged jar.
 */
public final class Builtins {

    public static final String PREFIX = "builtin:";

    private Builtins() {
    }

    /** The text of {@code folder/name}, if the tool ships such a file. */
    public static Optional<String> read(String folder, String name) {
        try (InputStream in = Builtins.class.getResourceAsStream("/" + folder + "/" + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The display name diagnostics use for a built-in file. */
    public static String displayName(String folder, String name) {
        return PREFIX + folder + "/" + name;
    }

    /** The names of the files in a built-in folder, sorted. */
    public static List<String> list(String folder) {
        URL url = Builtins.class.getResource("/" + folder);
        if (url == null) {
            return List.of();
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(url.toURI());
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(url.toURI(), Map.of());
                }
                return names(fs.getPath("/" + folder));
            }
            return names(Path.of(url.toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
