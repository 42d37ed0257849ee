package dev.brochure.content.schema;

import dev.brochure.world.ImageCatalog;
import dev.brochure.content.InlineMarkup;
import dev.brochure.content.NodeReader;
import dev.brochure.content.Placeholders;
import dev.brochure.content.model.RichText;
import dev.brochure.content.model.Value;
import dev.brochure.vocab.LinkTarget;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.diag.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Validates one YAML node against a schema {@link Field} and turns it into a {@link Value}.
 * Every problem goes to the run's diagnostics with the node's line and column.
 */
public final class FieldReader {

    private static final Pattern WEB = Pattern.compile("https?://[^\\s]+");
    private static final Pattern EMAIL = Pattern.compile("(mailto:)?[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private final NodeReader reader;
    private final ImageCatalog images;

    public FieldReader(NodeReader reader, ImageCatalog images) {
        this.reader = reader;
        this.images = images;
    }

    /** Reads the fields of a record; {@code ignored} keys are handled by the caller (e.g. 'layout'). */
    public Optional<Value.Fields> readRecord(Node node, Field schema, String what, List<String> ignored) {
        List<String> allowed = new ArrayList<>(schema.fields().keySet());
        allowed.addAll(ignored);
        Optional<Map<String, Node>> entries = reader.mapping(node, what, allowed);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (Field field : schema.fields().values()) {
            Node child = entries.get().get(field.name());
            if (child == null || NodeReader.isNull(child)) {
                if (field.required()) {
                    reader.diagnostics().error(reader.at(child == null ? node : child),
                            what + " is missing the required field '" + field.name() + "'",
                            describe(field));
                }
                continue;
            }
            read(child, field, "'" + field.name() + "'", field.required()).ifPresent(v -> values.put(field.name(), v));
        }
        for (Field field : schema.fields().values()) {
            if (values.get(field.name()) instanceof Value.Image image) {
                described(image, field, "'" + field.name() + "'",
                        field.altFrom() != null && values.containsKey(field.altFrom()));
            }
        }
        return Optional.of(new Value.Fields(values, reader.at(node)));
    }

    /**
     * An informative image needs a description for readers who cannot see it: its own
     * ({@code alt}), or the field of its record the schema names ({@code describedElsewhere}),
     * unless the content says it is decorative.
     */
    private void described(Value.Image image, Field field, String what, boolean describedElsewhere) {
        if (!field.informative() || image.decorative() || image.alt() != null || describedElsewhere) {
            return;
        }
        String ref = image.image().ref();
        reader.diagnostics().error(image.where(), what + " (" + ref + ") has no description for readers who cannot"
                        + " see it",
                "write it as {src: " + ref + ", alt: \"what the picture shows\"}"
                        + (field.altFrom() != null ? ", or give '" + field.altFrom() + "'" : "")
                        + "; or {src: " + ref + ", decorative: true} if it shows nothing the text does not say");
    }

    private Optional<Value> read(Node node, Field field, String what, boolean required) {
        SourceLocation at = reader.at(node);
        return switch (field.type()) {
            case TEXT -> reader.string(node, what).map(s -> personal(Value.Personal.Kind.TEXT, s, required, what, at)
                    .orElseGet(() -> new Value.Text(checkLinks(InlineMarkup.parse(s), what, at), at)));
            case PLAIN -> reader.string(node, what).map(s -> personal(Value.Personal.Kind.PLAIN, s, required, what, at)
                    .orElseGet(() -> new Value.Plain(InlineMarkup.plain(s), at)));
            case ALT -> reader.string(node, what).map(s -> personal(Value.Personal.Kind.ALT, s, required, what, at)
                    .orElseGet(() -> new Value.Alt(InlineMarkup.plain(s), at)));
            case NUMBER -> reader.number(node, what).map(n -> new Value.Num(n, at));
            case BOOLEAN -> reader.bool(node, what).map(b -> new Value.Bool(b, at));
            case IMAGE -> image(node, what, at);
            case LINK -> reader.string(node, what).flatMap(s -> link(s, what, at));
            case CHOICE -> reader.string(node, what).flatMap(s -> choice(s, field, what, at));
            case LIST -> list(node, field, what);
            case RECORD -> readRecord(node, field, what, List.of()).map(v -> v);
        };
    }

    /**
     * A value with placeholders: personalised for each reader, so not read as text yet. The links
     * the author wrote around the placeholders are checked here, like those of any text.
     */
    private Optional<Value> personal(Value.Personal.Kind kind, String text, boolean required, String what,
            SourceLocation at) {
        List<String> fields = Placeholders.fields(text, at, reader.diagnostics());
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        if (kind == Value.Personal.Kind.TEXT) {
            checkLinks(InlineMarkup.parse(text), what, at);
        }
        return Optional.of(new Value.Personal(kind, text, fields, required, at));
    }

    /** Reports every link of the text whose target a brochure may not carry ({@link LinkTarget}). */
    private RichText checkLinks(RichText text, String what, SourceLocation at) {
        Set<String> seen = new HashSet<>();
        for (RichText.Span span : text.spans()) {
            if (span.href() != null && seen.add(span.href())) {
                LinkTarget.problem(span.href()).ifPresent(problem -> reader.diagnostics().error(at,
                        "a link in " + what + " cannot be used: " + problem, LinkTarget.HINT));
            }
        }
        return text;
    }

    /**
     * An image: its path, or a mapping of its path ({@code src}) and either its description
     * ({@code alt}) or {@code decorative: true}.
     */
    private Optional<Value> image(Node node, String what, SourceLocation at) {
        if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            return reader.string(node, what).flatMap(ref -> images.resolve(ref, at)).map(img -> new Value.Image(img, at));
        }
        Optional<Map<String, Node>> entries = reader.mapping(node, what, IMAGE_KEYS);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Node> e = entries.get();
        reader.requireKeys(node, e, what, List.of("src"));
        Node src = e.get("src");
        if (src == null) {
            return Optional.empty();
        }
        SourceLocation srcAt = reader.at(src);
        String alt = e.containsKey("alt") ? reader.string(e.get("alt"), what + " alt").map(InlineMarkup::plain)
                .map(a -> a.replaceAll("\\s+", " ").strip()).orElse(null) : null;
        boolean decorative = e.containsKey("decorative")
                && reader.bool(e.get("decorative"), what + " decorative").orElse(false);
        if (alt != null && alt.isEmpty()) {
            reader.diagnostics().error(reader.at(e.get("alt")), what + " has an empty alt text",
                    "describe what the picture shows, or write decorative: true instead");
            alt = null;
        }
        if (decorative && alt != null) {
            reader.diagnostics().error(reader.at(e.get("decorative")), what + " is both decorative and described",
                    "keep alt if the picture shows something the text does not say, else decorative: true");
        }
        String description = alt;
        return reader.string(src, what + " src").flatMap(ref -> images.resolve(ref, srcAt))
                .map(img -> new Value.Image(img, description, decorative && description == null, at));
    }

    private static final List<String> IMAGE_KEYS = List.of("src", "alt", "decorative");

    private Optional<Value> link(String text, String what, SourceLocation at) {
        String t = text.trim();
        if (WEB.matcher(t).matches() && LinkTarget.problem(t).isEmpty()) {
            return Optional.of(new Value.Link(t, at));
        }
        if (EMAIL.matcher(t).matches()) {
            return Optional.of(new Value.Link(t.startsWith("mailto:") ? t : "mailto:" + t, at));
        }
        reader.diagnostics().error(at, what + " is not a web or e-mail address: '" + text + "'",
                "write a full address such as https://example.org or name@example.org");
        return Optional.empty();
    }

    private Optional<Value> choice(String word, Field field, String what, SourceLocation at) {
        if (field.values().contains(word)) {
            return Optional.of(new Value.Choice(word, at));
        }
        reader.diagnostics().error(at, what + " cannot be '" + word + "'", Suggestions.hint(word, field.values()));
        return Optional.empty();
    }

    private Optional<Value> list(Node node, Field field, String what) {
        Optional<List<Node>> items = reader.sequence(node, what);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        int count = items.get().size();
        if (count < field.min() || count > field.max()) {
            String range = field.max() == Integer.MAX_VALUE ? "at least " + field.min()
                    : field.min() == field.max() ? "exactly " + field.min()
                    : "from " + field.min() + " to " + field.max();
            reader.diagnostics().error(reader.at(node), what + " has " + count + " items; it needs " + range, null);
        }
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String item = what + " item " + (i + 1);
            read(items.get().get(i), field.of(), item, false).ifPresent(v -> {
                values.add(v);
                if (v instanceof Value.Image image) {
                    described(image, field.of(), item, false);
                }
            });
        }
        return Optional.of(new Value.Items(values, reader.at(node)));
    }

    private static String describe(Field field) {
        String kind = switch (field.type()) {
            case LIST -> "a list";
            case RECORD -> "a mapping with " + String.join(", ", field.fields().keySet());
            case CHOICE -> "one of " + String.join(", ", field.values());
            case IMAGE -> "an image: {src: images/photo.jpg, alt: \"what it shows\"}";
            case LINK -> "a web or e-mail address";
            case ALT -> "a short description of the image for readers who cannot see it";
            default -> "a " + field.type().word() + " value";
        };
        String about = field.description() == null || field.description().isBlank() ? "" : " (" + field.description() + ")";
        return "add '" + field.name() + ":' with " + kind + about;
    }
}
