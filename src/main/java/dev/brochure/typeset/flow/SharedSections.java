package dev.brochure.typeset.flow;

import dev.brochure.diag.Diagnostic;
import dev.brochure.layout.tree.LayoutSection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The typesetting of sections that every copy of a batch shares: a section the caller calls
 * shared (the very same {@link LayoutSection} object in every copy, see
 * {@code layout.SectionReuse}) has its text set into lines, its images, panels and rows into
 * boxes, once; each copy then only distributes those over its own pages. What is kept is the
 * section's vertical list, before pagination, so a section may still land on another page in
 * a copy with an extra page before it. Sections not shared are typeset for each copy, as
 * always. Memory holds one entry per shared section. Safe for several copies typeset at once: a
 * section is set by the first copy that needs it while the others wait for it.
 */
public final class SharedSections {

    /** A section's work, kept: its vertical list and the diagnostics it raised. */
    record Built(List<VItem> items, List<Diagnostic> diagnostics) {
        public Built {
            items = List.copyOf(items);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** One section, by identity. */
    private record Key(LayoutSection section, double width) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.section == section && k.width == width;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(section) * 31 + Double.hashCode(width);
        }
    }

    private final Predicate<LayoutSection> shared;
    private final ConcurrentHashMap<Key, CompletableFuture<Built>> built = new ConcurrentHashMap<>();
    /** The structure elements of shared sections, by section and document language. */
    private final ConcurrentHashMap<Map.Entry<LayoutSection, String>, Structure> structures = new ConcurrentHashMap<>();
    /** Numbers those elements below zero, where no copy numbers its own. */
    private final AtomicInteger structureIds = new AtomicInteger();

    /** Keeps the work of every section {@code shared} accepts. */
    public SharedSections(Predicate<LayoutSection> shared) {
        this.shared = shared;
    }

    /** Shares nothing: every section is typeset for its document (a single build). */
    public static SharedSections none() {
        return new SharedSections(s -> false);
    }

    /** The errors of shared sections: every copy meets them. */
    public List<Diagnostic> sharedErrors() {
        List<Diagnostic> errors = new ArrayList<>();
        built.values().forEach(f -> {
            if (f.isDone() && !f.isCompletedExceptionally()) {
                f.join().diagnostics().stream().filter(Diagnostic::isError).forEach(errors::add);
            }
        });
        return errors;
    }

    /**
     * The vertical list of {@code section} set {@code width} wide: made by {@code build} for a
     * section not shared, or once for a shared one.
     */
    boolean shares(LayoutSection section) {
        return shared.test(section);
    }

    /**
     * The structure of shared {@code section}, made by {@code build} (given the numbers to use)
     * once for all copies. Keyed by the section's identity: the same object in every copy.
     */
    Structure structure(LayoutSection section, String language, Function<IntSupplier, Structure> build) {
        return structures.computeIfAbsent(new IdentityEntry(section, language),
                k -> build.apply(structureIds::decrementAndGet));
    }

    /** A section by identity, with a language. */
    private record IdentityEntry(LayoutSection getKey, String getValue) implements Map.Entry<LayoutSection, String> {
        @Override
        public String setValue(String value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityEntry e && e.getKey == getKey && java.util.Objects.equals(e.getValue, getValue);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(getKey) * 31 + java.util.Objects.hashCode(getValue);
        }
    }

    Built get(LayoutSection section, double width, Supplier<Built> build) {
        if (!shared.test(section)) {
            return build.get();
        }
        CompletableFuture<Built> mine = new CompletableFuture<>();
        CompletableFuture<Built> known = built.putIfAbsent(new Key(section, width), mine);
        if (known != null) {
            try {
                return known.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Built b = build.get();
            mine.complete(b);
            return b;
        } catch (RuntimeException | Error e) {
            // Not kept: the next copy tries again (and meets the same problem, if it is one).
            built.remove(new Key(section, width), mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
