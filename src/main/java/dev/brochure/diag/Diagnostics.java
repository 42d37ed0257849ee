package dev.brochure.diag;

import dev.brochure.vocab.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one run so that they are reported together instead of one per run.
 * A stage adds to it as it goes and ends with {@link #result}: its result and all of them.
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

    /** How many errors so far: a part of the input that added some is left out of the result. */
    public long errorCount() {
        return items.stream().filter(Diagnostic::isError).count();
    }

    public List<Diagnostic> all() {
        return List.copyOf(items);
    }

    /** Ends the stage: {@code value} (null if nothing could be made) with every collected diagnostic. */
    public <T> Staged<T> result(T value) {
        return new Staged<>(value, all());
    }
}
