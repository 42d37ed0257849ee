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
    private final java.util.Set<Diagnostic> seen = new java.util.HashSet<>();

    /**
     * Adds {@code diagnostic} unless the very same one (severity, place, message, hint) is already
     * there: a mistake in a template's loop is one mistake, however often the loop runs over it.
     */
    public void add(Diagnostic diagnostic) {
        if (seen.add(diagnostic)) {
            items.add(diagnostic);
        }
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
        more.forEach(this::add);
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
