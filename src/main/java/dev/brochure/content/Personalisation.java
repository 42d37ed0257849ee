package dev.brochure.content;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.content.model.Section;
import dev.brochure.content.model.Value;
import dev.brochure.diag.Diagnostics;
import dev.brochure.diag.Staged;
import dev.brochure.vocab.Recipient;
import dev.brochure.vocab.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the content of one personalised copy. The content is read once; for each reader this
 * leaves out the sections whose {@code when:} field the reader lacks and turns each
 * {@link Value.Personal} value into the text its placeholders make with the reader's fields.
 * Everything else is the very same object for every copy, so a section that names no recipient
 * field is one and the same {@link Section} in every copy (later stages reuse its work).
 *
 * <p>A field's value goes in as if the author had typed it there, with markup characters read
 * literally (a reader called {@code **Bob**} is not set in bold) and line breaks read as spaces;
 * it is then set typographically like the text around it. Without a reader
 * ({@link Recipient#NONE}, the brochure {@code build} makes) no section with {@code when:} is
 * shown and every value that names a recipient field is left out, as if it were not written; a
 * value the layout requires cannot be left out, which is an error at its line.
 */
public final class Personalisation {

    /** A recipient field named in the content: by a placeholder, or by a section's {@code when:} ({@code condition}). */
    public record Use(String field, SourceLocation where, boolean condition) {
    }

    /** A web or e-mail address where the inline markup parser links one: at the start of a word. */
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])(?:"
            + InlineMarkup.URL.pattern() + "|" + InlineMarkup.EMAIL.pattern() + ")");

    private Personalisation() {
    }

    /** Every use of a recipient field in the content, in reading order. */
    public static List<Use> uses(BrochureContent content) {
        List<Use> uses = new ArrayList<>();
        for (Section section : content.sections()) {
            if (section.when() != null) {
                uses.add(new Use(section.when().field(), section.when().where(), true));
            }
            placeholders(section.fields(), uses);
        }
        return List.copyOf(uses);
    }

    /**
     * The fields {@code recipient} leaves empty although its copy shows a placeholder naming
     * them (in a section shown to every reader, or in one whose {@code when:} field it has): one
     * use per field, the first in reading order.
     */
    public static List<Use> missing(BrochureContent content, Recipient recipient) {
        Map<String, Use> missing = new LinkedHashMap<>();
        for (Section section : content.sections()) {
            if (shown(section, recipient)) {
                List<Use> uses = new ArrayList<>();
                placeholders(section.fields(), uses);
                uses.stream().filter(u -> !recipient.has(u.field())).forEach(u -> missing.putIfAbsent(u.field(), u));
            }
        }
        return List.copyOf(missing.values());
    }

    /** Whether a section has a placeholder (its content differs from reader to reader). */
    public static boolean isPersonal(Section section) {
        List<Use> uses = new ArrayList<>();
        placeholders(section.fields(), uses);
        return !uses.isEmpty();
    }

    /** The content of {@code recipient}'s copy; {@link Recipient#NONE} for the brochure without recipients. */
    public static Staged<BrochureContent> personalise(BrochureContent content, Recipient recipient) {
        Diagnostics diagnostics = new Diagnostics();
        List<Section> sections = new ArrayList<>(content.sections().size());
        Set<String> anchors = new LinkedHashSet<>(content.anchors());
        boolean changed = false;
        for (Section section : content.sections()) {
            if (!shown(section, recipient)) {
                // A link to it is now a broken link, reported where it is written.
                anchors.remove(section.id());
                changed = true;
                continue;
            }
            Value fields = personalise(section.fields(), recipient, diagnostics);
            if (fields == section.fields()) {
                sections.add(section);
            } else {
                sections.add(section.withFields(fields instanceof Value.Fields f ? f
                        : new Value.Fields(Map.of(), section.fields().where())));
                changed = true;
            }
        }
        if (!changed) {
            return diagnostics.result(content);
        }
        return diagnostics.result(new BrochureContent(content.info(), content.theme(), sections, content.images(),
                content.project(), anchors));
    }

    /**
     * The reader's fields as layouts see them: set like plain fields (curly quotes and
     * apostrophes, dashes, no-break spaces; addresses as written), line breaks read as spaces.
     */
    public static Recipient typographic(Recipient recipient) {
        Map<String, String> fields = new LinkedHashMap<>();
        recipient.fields().forEach((k, v) -> fields.put(k, InlineMarkup.plain(oneLine(v))));
        return new Recipient(fields, recipient.where());
    }

    private static boolean shown(Section section, Recipient recipient) {
        return section.when() == null || recipient.has(section.when().field());
    }

    private static void placeholders(Value value, List<Use> uses) {
        switch (value) {
            case Value.Personal p -> p.fields().stream().distinct().forEach(f -> uses.add(new Use(f, p.where(), false)));
            case Value.Items items -> items.items().forEach(item -> placeholders(item, uses));
            case Value.Fields fields -> fields.fields().values().forEach(child -> placeholders(child, uses));
            default -> { }
        }
    }

    /** The value for the reader: the same object if nothing in it is personal; null if it is left out. */
    private static Value personalise(Value value, Recipient recipient, Diagnostics diagnostics) {
        return switch (value) {
            case Value.Personal p -> personal(p, recipient, diagnostics);
            case Value.Items items -> {
                List<Value> out = new ArrayList<>(items.items().size());
                boolean changed = false;
                for (Value item : items.items()) {
                    Value v = personalise(item, recipient, diagnostics);
                    changed |= v != item;
                    if (v != null) {
                        out.add(v);
                    }
                }
                // A list whose every item was left out is left out itself.
                yield !changed ? items : out.isEmpty() ? null : new Value.Items(out, items.where());
            }
            case Value.Fields fields -> {
                Map<String, Value> out = new LinkedHashMap<>();
                boolean changed = false;
                for (Map.Entry<String, Value> e : fields.fields().entrySet()) {
                    Value v = personalise(e.getValue(), recipient, diagnostics);
                    changed |= v != e.getValue();
                    if (v != null) {
                        out.put(e.getKey(), v);
                    }
                }
                yield changed ? new Value.Fields(out, fields.where()) : fields;
            }
            default -> value;
        };
    }

    private static Value personal(Value.Personal p, Recipient recipient, Diagnostics diagnostics) {
        List<String> lacking = p.fields().stream().filter(f -> !recipient.has(f)).distinct().toList();
        if (!lacking.isEmpty()) {
            if (p.required()) {
                diagnostics.error(p.where(), recipient == Recipient.NONE
                                ? "this required value names the recipient field '" + lacking.getFirst()
                                        + "', so the brochure without recipients cannot show it"
                                : "this required value names the recipient field '" + lacking.getFirst()
                                        + "', which " + recipient.where() + " leaves empty",
                        recipient == Recipient.NONE
                                ? "build personalised copies with 'brochure batch', or show the section only to readers "
                                        + "with that field: 'when: recipient." + lacking.getFirst() + "'"
                                : "give the record a value for '" + lacking.getFirst() + "'");
            }
            return null;
        }
        return switch (p.kind()) {
            case TEXT -> new Value.Text(InlineMarkup.parse(Placeholders.substitute(p.source(),
                    field -> escapeMarkup(oneLine(recipient.get(field))))), p.where());
            case PLAIN -> new Value.Plain(InlineMarkup.plain(Placeholders.substitute(p.source(),
                    field -> escapePlain(oneLine(recipient.get(field))))), p.where());
            case ALT -> new Value.Alt(InlineMarkup.plain(Placeholders.substitute(p.source(),
                    field -> escapePlain(oneLine(recipient.get(field))))), p.where());
        };
    }

    private static String oneLine(String value) {
        return value.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * The value read literally by {@link InlineMarkup#parse}: every character that could start
     * markup ({@code \ * _ [}) escaped, except inside web and e-mail addresses, which the parser
     * takes whole (and links) before it looks for markup in them.
     */
    static String escapeMarkup(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        java.util.regex.Matcher address = ADDRESS.matcher(value);
        int at = 0;
        while (address.find()) {
            escapeInto(value.substring(at, address.start()), out);
            out.append(address.group());
            at = address.end();
        }
        escapeInto(value.substring(at), out);
        return out.toString();
    }

    private static void escapeInto(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\*_[".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    /** The value read literally by {@link InlineMarkup#plain}: a backslash before a quote, hyphen or dot kept. */
    static String escapePlain(String value) {
        return value.replaceAll("\\\\(?=[\"'.\\-])", "\\\\\\\\");
    }
}
