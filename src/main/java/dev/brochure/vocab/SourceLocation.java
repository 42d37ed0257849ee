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

    public static SourceLocation of(Path file) {
        return new SourceLocation(display(file), 0, 0);
    }

    public static SourceLocation of(Path file, int line, int column) {
        return new SourceLocation(display(file), line, column);
    }

    public static SourceLocation of(String file) {
        return new SourceLocation(file, 0, 0);
    }

    /** Paths under the working directory are shown relative to it, as compilers do. */
    public static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        if (!abs.startsWith(cwd)) {
            return abs.toString();
        }
        String relative = cwd.relativize(abs).toString();
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
