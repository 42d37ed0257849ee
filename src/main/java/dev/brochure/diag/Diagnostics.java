package dev.brochure.diag;

import dev.brochure.vocab.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one run so that they are reported together instead of one per run.
 * A stage adds to it as it goes and calls {@link #throwIfErrors()} at its end.
 */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void error(SourceLocation where, String message) {
        add(Diagnostic.error(where, message));
    }

    public void error(SourceLocation where, String message, String hint) {
        add(Diagnostic.error(where, message, hint));
    }

    public void warning(SourceLocation where, String message, String hint) {
        add(Diagnostic.warning(where, message, hint));
    }

    public void addAll(List<Diagnostic> more) {
        items.addAll(more);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> all() {
        return List.copyOf(items);
    }

    public List<Diagnostic> warnings() {
        return items.stream().filter(d -> !d.isError()).toList();
    }

    /** Ends the stage with every collected diagnostic if any of them is an error. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new BrochureException(all());
        }
    }
}
