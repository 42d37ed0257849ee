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
     * A built-in file as a {@link Path}, its identity wherever the tool runs: the file itself in
     * the class-path folder during development; when packaged, the entry's name under the jar's
     * own path ({@code .../brochure.jar/fonts/Lato-Regular.ttf}), which no file system holds:
     * read it with {@link #bytes} and stamp it with {@link #container}. (Opening the jar as a zip
     * file system instead costs a cold build some 60 ms of reading its directory.)
     */
    public static Optional<Path> path(String folder, String name) {
        if (!name.matches("[A-Za-z0-9_.-]+") || name.contains("..")) {
            return Optional.empty();
        }
        return root().map(root -> root.resolve(folder).resolve(name))
                .filter(p -> Builtins.class.getResource("/" + folder + "/" + name) != null);
    }

    /** {@code builtin:fonts/Lato-Regular.ttf} for a path {@link #path} gave, if it is one. */
    public static Optional<String> nameOf(Path file) {
        return entry(file).map(entry -> PREFIX + entry);
    }

    /**
     * The jar a packaged built-in file is in, whose size and time stand for the file's; empty for
     * any other path (a built-in file during development is a file like any other).
     */
    public static Optional<Path> container(Path file) {
        Optional<Path> root = root();
        return root.isPresent() && Files.isRegularFile(root.get()) && entry(file).isPresent() ? root : Optional.empty();
    }

    /** The bytes of a built-in file, read from the class path; empty if {@code file} is not one. */
    public static Optional<byte[]> bytes(Path file) throws IOException {
        Optional<String> entry = entry(file);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = Builtins.class.getResourceAsStream("/" + entry.get())) {
            if (in == null) {
                throw new java.nio.file.NoSuchFileException(PREFIX + entry.get());
            }
            return Optional.of(in.readAllBytes());
        }
    }

    /** The path inside the built-in files ({@code fonts/Lato-Regular.ttf}), if {@code file} is under their root. */
    private static Optional<String> entry(Path file) {
        Optional<Path> root = root();
        if (root.isEmpty() || file.getFileSystem() != root.get().getFileSystem()) {
            return Optional.empty();
        }
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(root.get()) && !abs.equals(root.get())
                ? Optional.of(root.get().relativize(abs).toString().replace('\\', '/')) : Optional.empty();
    }

    /** Where the built-in files are: the class-path folder, or the jar file (where this class is). */
    private static Optional<Path> root() {
        URL url = Builtins.class.getResource(Builtins.class.getSimpleName() + ".class");
        if (url == null) {
            return Optional.empty();
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                String spec = url.getPath(); // file:/.../brochure.jar!/dev/brochure/world/Builtins.class
                return Optional.of(Path.of(new URI(spec.substring(0, spec.indexOf("!/")))));
            }
            if (!"file".equals(url.getProtocol())) {
                return Optional.empty();
            }
            Path root = Path.of(url.toURI());
            for (int i = Builtins.class.getName().split("\\.").length; i > 0; i--) {
                root = root.getParent();
            }
            return Optional.of(root);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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
