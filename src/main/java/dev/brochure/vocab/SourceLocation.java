package dev.brochure.vocab;

import java.nio.file.Path;

/**
 * A place in a source file (YAML content, theme or layout template) that a diagnostic or a model
 * value points back to. Line and column are 1-based; 0 means "unknown", for whole-file problems.
 *
 * <p>{@code file} is a display name rather than a {@link Path} so that built-in resources
 * ({@code builtin:layouts/cover.ftlx}) and real files are treated alike.
 */
public record SourceLocation(String file, int line, int column) {

    /** A file named as the user wrote it (a command-line argument, say), shown as written. */
    public static SourceLocation of(Path file) {
        return new SourceLocation(file.normalize().toString(), 0, 0);
    }

    /** A file the tool found, shown relative to {@code root} (see {@link #display(Path, Path)}). */
    public static SourceLocation of(Path file, Path root) {
        return new SourceLocation(display(file, root), 0, 0);
    }

    public static SourceLocation of(String file) {
        return new SourceLocation(file, 0, 0);
    }

    /**
     * A path as diagnostics show it: relative to {@code root} when it lies inside it (as compilers
     * show paths under the folder they run in), otherwise absolute; as written when there is no
     * root. The root is the build context's choice (the command line passes its working folder);
     * nothing here looks at the process.
     */
    public static String display(Path file, Path root) {
        if (root == null) {
            return file.normalize().toString();
        }
        Path abs = file.isAbsolute() ? file.normalize() : root.resolve(file).normalize();
        if (!abs.startsWith(root)) {
            return abs.toString();
        }
        String relative = root.relativize(abs).toString();
        return relative.isEmpty() ? "." : relative;
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
