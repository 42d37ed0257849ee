package dev.brochure.layout;

import dev.brochure.content.model.Section;
import dev.brochure.diag.Diagnostic;
import dev.brochure.layout.tree.LayoutSection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The layouts of one batch's sections that do not depend on the reader, shared by every copy.
 * A section of the batch's content whose template, run for one copy, looked at no recipient
 * field is laid out once: every later copy gets the same {@link LayoutSection} object (and the
 * diagnostics its run raised). A template's output depends only on the section, the brochure's
 * settings and the reader, so a run that never looked at the reader is the run of every copy. A
 * section whose run did look is laid out for each copy. {@code #id} links are checked against
 * the copy's sections, which differ when a section is shown only to some readers; a layout is
 * therefore kept per set of sections shown.
 *
 * <p>Only the sections given at the start are kept, so memory stays bounded however many
 * copies are made. Safe for copies laid out on several threads at once.
 */
public final class SectionReuse {

    /** One section's layout for copies that show the same sections. */
    private record Key(Section section, Set<String> anchors) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.section == section && k.anchors.equals(anchors);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(section) * 31 + anchors.hashCode();
        }
    }

    /** What one run made: the section (absent after an error) and its diagnostics. */
    record Laid(Optional<LayoutSection> section, List<Diagnostic> diagnostics) {
    }

    private final Set<Section> keep = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ConcurrentHashMap<Key, Laid> laid = new ConcurrentHashMap<>();
    private final Set<Section> personal = ConcurrentHashMap.newKeySet();
    private final Set<LayoutSection> shared = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    /** Keeps the layouts of {@code sections} (the batch's content before personalisation) that do not depend on the reader. */
    public SectionReuse(Collection<Section> sections) {
        keep.addAll(sections);
    }

    /** Whether {@code section} is one every copy shares (then typesetting may share its work too). */
    public boolean isShared(LayoutSection section) {
        return shared.contains(section);
    }

    /** The errors of shared sections: every copy would meet them. */
    public List<Diagnostic> sharedErrors() {
        List<Diagnostic> errors = new ArrayList<>();
        laid.values().forEach(l -> l.diagnostics().stream().filter(Diagnostic::isError).forEach(errors::add));
        return errors;
    }

    Laid find(Section section, Set<String> anchors) {
        return keep.contains(section) && !personal.contains(section) ? laid.get(new Key(section, anchors)) : null;
    }

    /** Notes one run; returns what every copy is to use (the first run noted, if two ran at once). */
    Laid remember(Section section, Set<String> anchors, Laid run, boolean readRecipient) {
        if (!keep.contains(section)) {
            return run;
        }
        if (readRecipient) {
            personal.add(section);
            return run;
        }
        Laid first = laid.putIfAbsent(new Key(section, anchors), run);
        Laid kept = first == null ? run : first;
        kept.section().ifPresent(shared::add);
        return kept;
    }
}
