package dev.brochure.world;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostics;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.diag.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a content project's files are, and the one place that turns a reference written in
 * content ({@code images/campus.jpg}, {@code fonts/Lato-Regular.ttf}) into a file.
 *
 * <p>The rule for images and fonts: a reference is looked up in the content folder first, then
 * in the project root, which is the folder holding the content folder unless the caller says
 * otherwise. So a project keeps its {@code images/} and {@code fonts/} either inside its content
 * folder or beside it, and the three can be moved anywhere together. Whatever a reference
 * resolves to, after {@code ..} and symbolic links, must lie inside the content folder or the
 * project root's {@code images/} or {@code fonts/}: content can never reach other files. A
 * reference {@code builtin:fonts/<name>} names a font shipped inside the tool (see
 * {@link Builtins}), which is how the built-in theme needs no file of the project.
 *
 * <p>Paths in diagnostics are shown relative to the display root the build context chose (the
 * command line's working folder; the project root by default).
 */
public final class ProjectFiles {

    private final Path contentDir;
    private final Path projectRoot;
    private final Path displayRoot;

    public ProjectFiles(Path contentDir, Path projectRoot) {
        this(contentDir, projectRoot, projectRoot);
    }

    /** {@code displayRoot}: the folder diagnostics show paths relative to. */
    public ProjectFiles(Path contentDir, Path projectRoot, Path displayRoot) {
        this.contentDir = contentDir.toAbsolutePath().normalize();
        this.projectRoot = projectRoot.toAbsolutePath().normalize();
        this.displayRoot = displayRoot.toAbsolutePath().normalize();
    }

    /** The usual arrangement: the project root is the content folder's parent. */
    public static ProjectFiles of(Path contentDir) {
        Path abs = contentDir.toAbsolutePath().normalize();
        return new ProjectFiles(abs, abs.getParent() == null ? abs : abs.getParent());
    }

    /** A file as diagnostics name it: {@code builtin:...}, or relative to the display root. */
    public String display(Path file) {
        return Builtins.nameOf(file).orElseGet(() -> SourceLocation.display(file, displayRoot));
    }

    /** The location of a whole file, for a diagnostic. */
    public SourceLocation where(Path file) {
        return SourceLocation.of(display(file));
    }

    public Path displayRoot() {
        return displayRoot;
    }

    public Path contentDir() {
        return contentDir;
    }

    public Path projectRoot() {
        return projectRoot;
    }

    public Path brochureFile() {
        return contentDir.resolve("brochure.yaml");
    }

    public Path layoutsDir() {
        return contentDir.resolve("layouts");
    }

    public Path themesDir() {
        return contentDir.resolve("themes");
    }

    /** A file of the content folder named in {@code brochure.yaml}, such as a section file. */
    public Optional<Path> resolveContentFile(String ref, SourceLocation where, Diagnostics diagnostics) {
        return resolve(ref, where, diagnostics, List.of(contentDir), "file");
    }

    /**
     * An image or font: in the content folder, or in the project root's shared images/ or fonts/;
     * or, written {@code builtin:fonts/<name>}, one of the tool's own fonts.
     */
    public Optional<Path> resolveAsset(String ref, SourceLocation where, Diagnostics diagnostics) {
        if (ref.startsWith(Builtins.PREFIX)) {
            return builtin(ref, where, diagnostics);
        }
        return resolve(ref, where, diagnostics, List.of(contentDir, projectRoot), "file");
    }

    private Optional<Path> builtin(String ref, SourceLocation where, Diagnostics diagnostics) {
        String rest = ref.substring(Builtins.PREFIX.length());
        int slash = rest.indexOf('/');
        Optional<Path> found = slash < 0 || !rest.substring(0, slash).equals(Builtins.FONTS) ? Optional.empty()
                : Builtins.path(Builtins.FONTS, rest.substring(slash + 1));
        if (found.isEmpty()) {
            List<String> names = Builtins.list(Builtins.FONTS).stream().filter(n -> n.endsWith(".ttf"))
                    .map(n -> Builtins.PREFIX + Builtins.FONTS + "/" + n).toList();
            diagnostics.error(where, "the tool has no built-in file '" + ref + "'", Suggestions.closest(ref, names)
                    .map(n -> "did you mean '" + n + "'?").orElse("built-in fonts: " + String.join(", ", names)));
        }
        return found;
    }

    private Optional<Path> resolve(String ref, SourceLocation where, Diagnostics diagnostics, List<Path> bases,
            String what) {
        if (ref.isBlank()) {
            diagnostics.error(where, "empty " + what + " reference", "write a path relative to the content folder");
            return Optional.empty();
        }
        Path written;
        try {
            written = Path.of(ref);
        } catch (RuntimeException e) {
            diagnostics.error(where, "'" + ref + "' is not a valid path", null);
            return Optional.empty();
        }
        if (written.isAbsolute()) {
            diagnostics.error(where, "absolute path '" + ref + "' is not allowed",
                    "write the path relative to the content folder, for example images/photo.jpg");
            return Optional.empty();
        }
        for (Path base : bases) {
            Path candidate = base.resolve(written).normalize();
            if (Files.isRegularFile(candidate)) {
                return confine(ref, candidate, where, diagnostics);
            }
            if (Files.isDirectory(candidate)) {
                diagnostics.error(where, "'" + ref + "' is a folder, not a " + what,
                        "name a file inside it, for example " + ref.replaceAll("/+$", "") + "/<name>");
                return Optional.empty();
            }
            Optional<String> special = special(candidate);
            if (special.isPresent()) {
                diagnostics.error(where, "'" + ref + "' is " + special.get() + ", not a regular file",
                        ONLY_REGULAR_FILES);
                return Optional.empty();
            }
        }
        diagnostics.error(where, what + " not found: '" + ref + "'", notFoundHint(written, bases));
        return Optional.empty();
    }

    private Optional<Path> confine(String ref, Path candidate, SourceLocation where, Diagnostics diagnostics) {
        try {
            Path real = candidate.toRealPath();
            for (Path root : allowedRoots()) {
                if (Files.exists(root) && real.startsWith(root.toRealPath())) {
                    return Optional.of(real);
                }
            }
        } catch (IOException e) {
            diagnostics.error(where, "cannot read '" + ref + "': " + e.getMessage(), null);
            return Optional.empty();
        }
        diagnostics.error(where, "'" + ref + "' lies outside the content project",
                "keep files inside the content folder or the project's images/ and fonts/ folders");
        return Optional.empty();
    }

    /**
     * Checks a file the tool looks up by name in one of the project's own folders ({@code brochure.yaml}
     * in the content folder, {@code themes/x.yaml}, {@code layouts/x.ftlx}): after symbolic links it must
     * still lie in that folder, so a link cannot make the tool read (and print) a file from elsewhere.
     * A file that does not exist passes; whoever reads it reports that.
     */
    public void checkInside(Path file, Path folder) {
        Path real;
        try {
            real = file.toRealPath();
            if (real.startsWith(folder.toRealPath())) {
                return;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw BrochureException.of(where(file), "cannot read file: " + e.getMessage(), null);
        }
        String where = folder.equals(contentDir) ? "the content folder" : "the folder " + display(folder);
        throw BrochureException.of(where(file), "this file is a link to " + display(real)
                + ", which is outside " + where, "copy the file into the project instead of linking to it");
    }

    /** The hint for a special file where a regular one was expected. */
    public static final String ONLY_REGULAR_FILES = "only regular files are read (not pipes, devices or sockets);"
            + " put the file itself there";

    /**
     * What {@code file} is when it exists but is neither a regular file nor a folder (after
     * symbolic links): "a named pipe (FIFO)", "a character device", ... Looked up from the file's
     * attributes without opening it, as opening a pipe waits for a writer that may never come.
     */
    public static Optional<String> special(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (attributes.isRegularFile() || attributes.isDirectory()) {
            return Optional.empty();
        }
        try {
            int type = ((Integer) Files.getAttribute(file, "unix:mode")) & 0170000;
            return Optional.of(switch (type) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            });
        } catch (IOException | RuntimeException e) {
            return Optional.of("a special file");
        }
    }

    /**
     * Refuses a file the tool is about to read by name ({@code brochure.yaml}, a theme, a layout)
     * when it is a pipe, a device or a socket: reading one could block for ever or never end. A
     * file that does not exist passes; whoever reads it reports that.
     */
    public static void checkRegular(Path file) {
        Optional<String> special = special(file);
        if (special.isPresent()) {
            throw BrochureException.of(SourceLocation.of(file), "this is " + special.get() + ", not a regular file",
                    ONLY_REGULAR_FILES);
        }
    }

    private List<Path> allowedRoots() {
        return List.of(contentDir, projectRoot.resolve("images"), projectRoot.resolve("fonts"));
    }

    /** Names a similarly spelt file in the folder the reference points into, if there is one. */
    private String notFoundHint(Path written, List<Path> bases) {
        String searched = "looked in " + String.join(" and ", bases.stream().map(this::display).toList());
        Path name = written.getFileName();
        for (Path base : bases) {
            Path folder = written.getParent() == null ? base : base.resolve(written.getParent()).normalize();
            List<String> siblings = listNames(folder);
            Optional<String> near = Suggestions.closest(name.toString(), siblings);
            if (near.isPresent()) {
                Path suggestion = written.getParent() == null ? Path.of(near.get()) : written.getParent().resolve(near.get());
                return "did you mean '" + suggestion.toString().replace('\\', '/') + "'? (" + searched + ")";
            }
        }
        return searched;
    }

    private static List<String> listNames(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.map(p -> p.getFileName().toString()).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
