package dev.brochure.world;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files that ship inside the tool (built-in layouts, themes and the default theme's fonts), read
 * from the class path whether it is a folder (during development and tests) or the packaged jar.
 * A content file names one as {@code builtin:<folder>/<name>} ({@code builtin:fonts/Lato-Regular.ttf}).
 */
public final class Builtins {

    public static final String PREFIX = "builtin:";
    /** The folder of the built-in fonts (those the default theme uses). */
    public static final String FONTS = "fonts";

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

    /**
     * A built-in file as a {@link Path} that can be read like any other: in the class-path folder
     * during development, inside the jar (its zip file system) when packaged.
     */
    public static Optional<Path> path(String folder, String name) {
        if (!name.matches("[A-Za-z0-9_.-]+") || name.contains("..")) {
            return Optional.empty();
        }
        URL url = Builtins.class.getResource("/" + folder + "/" + name);
        return url == null ? Optional.empty() : Optional.of(toPath(url));
    }

    /** {@code builtin:fonts/Lato-Regular.ttf} for a path {@link #path} gave, if it is one. */
    public static Optional<String> nameOf(Path file) {
        if ("jar".equals(file.getFileSystem().provider().getScheme())) {
            return Optional.of(PREFIX + file.toString().replaceFirst("^/+", ""));
        }
        URL url = Builtins.class.getResource("/" + FONTS);
        if (url == null || !"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        Path root = toPath(url).getParent();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(root) ? Optional.of(PREFIX + root.relativize(abs).toString().replace('\\', '/'))
                : Optional.empty();
    }

    /** The names of the files in a built-in folder, sorted. */
    public static List<String> list(String folder) {
        URL url = Builtins.class.getResource("/" + folder);
        if (url == null) {
            return List.of();
        }
        try {
            return names(toPath(url));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path toPath(URL url) {
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    try {
                        FileSystems.newFileSystem(uri, Map.of());
                    } catch (FileSystemAlreadyExistsException raced) {
                        // another thread opened it in between
                    }
                }
            }
            return Path.of(uri);
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
