package dev.brochure.diag;

import dev.brochure.vocab.SourceLocation;

import java.util.Objects;

/**
 * One problem found in the user's content, theme, layouts or assets: where it is, what is wrong,
 * and (optionally) how to fix it. Rendered as {@code path:line:column: message} plus a hint line.
 */
public record Diagnostic(Severity severity, SourceLocation where, String message, String hint) {

    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(where);
        Objects.requireNonNull(message);
    }

    public static Diagnostic error(SourceLocation where, String message) {
        return new Diagnostic(Severity.ERROR, where, message, null);
    }

    public static Diagnostic error(SourceLocation where, String message, String hint) {
        return new Diagnostic(Severity.ERROR, where, message, hint);
    }

    public static Diagnostic warning(SourceLocation where, String message, String hint) {
        return new Diagnostic(Severity.WARNING, where, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The compiler-style text: first line {@code where: severity: message}, then the hint. */
    public String format() {
        String head = where + ": " + (isError() ? "error" : "warning") + ": " + message;
        return hint == null || hint.isBlank() ? head : head + System.lineSeparator() + "  hint: " + hint;
    }
}
