package dev.brochure.diag;

import dev.brochure.vocab.SourceLocation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A failure the user can fix: bad content, a broken layout, a missing asset. Carries every
 * diagnostic of the run. Anything else that escapes a stage is an internal error (a bug).
 */
public final class BrochureException extends RuntimeException {

    private final transient List<Diagnostic> diagnostics;

    public BrochureException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining(System.lineSeparator())));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public BrochureException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public static BrochureException of(SourceLocation where, String message, String hint) {
        return new BrochureException(Diagnostic.error(where, message, hint));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
