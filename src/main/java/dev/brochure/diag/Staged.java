package dev.brochure.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a stage hands on: its result and every diagnostic it raised, warnings and errors alike.
 * A stage that found errors still returns what it could make of the valid part of its input (a
 * brochure without the section that failed, say), so that the next stage can look for its own
 * errors; {@code value} is null only when nothing could be made. Errors mean that nothing may
 * be written: whatever writes takes the result through {@link #orThrow()}, which refuses it then.
 */
public record Staged<T>(T value, List<Diagnostic> diagnostics) {

    public Staged {
        diagnostics = List.copyOf(diagnostics);
        if (value == null && diagnostics.stream().noneMatch(Diagnostic::isError)) {
            throw new IllegalArgumentException("a stage that makes nothing must say why");
        }
    }

    /** A stage that could make nothing; {@code diagnostics} say why. */
    public static <T> Staged<T> failed(List<Diagnostic> diagnostics) {
        return new Staged<>(null, diagnostics);
    }

    /**
     * Runs the next stage on this result, if there is one, and gathers the diagnostics of both.
     * A stage that ends in a {@link BrochureException} (a problem it cannot go on after) gives
     * no result, and its diagnostics join the others.
     */
    public <U> Staged<U> then(Function<? super T, Staged<U>> next) {
        if (value == null) {
            return failed(diagnostics);
        }
        Staged<U> result;
        try {
            result = next.apply(value);
        } catch (BrochureException e) {
            result = failed(e.diagnostics());
        }
        return new Staged<>(result.value(), concat(diagnostics, result.diagnostics()));
    }

    /** The result changed by {@code change}, with the same diagnostics. */
    public <U> Staged<U> map(Function<? super T, U> change) {
        return value == null ? failed(diagnostics) : new Staged<>(change.apply(value), diagnostics);
    }

    /** The same result with {@code more} diagnostics after this stage's own. */
    public Staged<T> with(List<Diagnostic> more) {
        return new Staged<>(value, concat(diagnostics, more));
    }

    public Optional<T> result() {
        return Optional.ofNullable(value);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    /** The result, or, if any diagnostic is an error, a {@link BrochureException} with all of them. */
    public T orThrow() {
        if (hasErrors()) {
            throw new BrochureException(diagnostics);
        }
        return value;
    }

    private static List<Diagnostic> concat(List<Diagnostic> first, List<Diagnostic> second) {
        List<Diagnostic> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
