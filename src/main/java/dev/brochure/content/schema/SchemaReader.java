package dev.brochure.content.schema;

import dev.brochure.content.NodeReader;
import dev.brochure.content.YamlFile;
import dev.brochure.diag.Diagnostics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a layout's schema file. A field is written either as a bare type word
 * ({@code intro: text}) or as a mapping:
 * <pre>
 * entries:
 *   type: list
 *   required: true
 *   min: 1
 *   of:
 *     type: record
 *     fields:
 *       name: {type: plain, required: true}
 *       portrait: {type: image, alt: name}
 * </pre>
 * An image field is informative unless it says {@code informative: false} (the layout shows it
 * as decoration); {@code alt: <field>} names the field of the same record that describes it.
 * The content must describe every other informative image itself.
 */
public final class SchemaReader {

    private static final List<String> FIELD_KEYS =
            List.of("type", "required", "description", "of", "fields", "values", "min", "max", "informative", "alt");

    private final NodeReader reader;

    private SchemaReader(NodeReader reader) {
        this.reader = reader;
    }

    public static Optional<SectionSchema> read(String layout, YamlFile file, Diagnostics diagnostics) {
        SchemaReader schema = new SchemaReader(new NodeReader(file.displayName(), diagnostics));
        return schema.readRoot(layout, file);
    }

    private Optional<SectionSchema> readRoot(String layout, YamlFile file) {
        if (file.isEmpty()) {
            reader.diagnostics().error(file.whole(), "schema is empty", "give the layout's fields under 'fields:'");
            return Optional.empty();
        }
        Optional<Map<String, Node>> top = reader.mapping(file.root(), "schema", List.of("description", "fields"));
        if (top.isEmpty()) {
            return Optional.empty();
        }
        reader.requireKeys(file.root(), top.get(), "schema", List.of("fields"));
        String description = Optional.ofNullable(top.get().get("description"))
                .flatMap(n -> reader.string(n, "description")).orElse("");
        Node fieldsNode = top.get().get("fields");
        if (fieldsNode == null) {
            return Optional.empty();
        }
        Map<String, Field> fields = readFields(fieldsNode);
        Field root = new Field(layout, FieldType.RECORD, true, description, null, fields, List.of(), 0, Integer.MAX_VALUE);
        return Optional.of(new SectionSchema(layout, description, root, file.displayName()));
    }

    private Map<String, Field> readFields(Node node) {
        Map<String, Field> fields = new LinkedHashMap<>();
        Map<String, Node> specs = new LinkedHashMap<>();
        reader.mapping(node, "fields", null).ifPresent(entries -> entries.forEach((name, spec) -> {
            specs.put(name, spec);
            readField(name, spec).ifPresent(f -> fields.put(name, f));
        }));
        for (Field field : fields.values()) {
            if (field.altFrom() != null) {
                Field source = fields.get(field.altFrom());
                if (source == null || !List.of(FieldType.ALT, FieldType.PLAIN, FieldType.TEXT).contains(source.type())) {
                    reader.diagnostics().error(reader.at(specs.get(field.name())), "image field '" + field.name()
                            + "' takes its description from '" + field.altFrom()
                            + "', which is no alt, plain or text field of the same record",
                            dev.brochure.diag.Suggestions.hint(field.altFrom(), fields.keySet()));
                }
            }
        }
        return fields;
    }

    private Optional<Field> readField(String name, Node node) {
        if (node instanceof ScalarNode scalar) {
            return typeOf(scalar).map(type -> simple(name, type, false, ""));
        }
        Optional<Map<String, Node>> spec = reader.mapping(node, "field '" + name + "'", FIELD_KEYS);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Node> s = spec.get();
        reader.requireKeys(node, s, "field '" + name + "'", List.of("type"));
        if (!s.containsKey("type")) {
            return Optional.empty();
        }
        Optional<FieldType> type = typeOf(s.get("type"));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        boolean required = Optional.ofNullable(s.get("required")).flatMap(n -> reader.bool(n, "required")).orElse(false);
        String description = Optional.ofNullable(s.get("description"))
                .flatMap(n -> reader.string(n, "description")).orElse("");
        int min = Optional.ofNullable(s.get("min")).flatMap(n -> reader.integer(n, "min", 0, 10_000)).orElse(0);
        int max = Optional.ofNullable(s.get("max")).flatMap(n -> reader.integer(n, "max", 1, 10_000))
                .orElse(Integer.MAX_VALUE);
        return switch (type.get()) {
            case LIST -> {
                Node of = s.get("of");
                if (of == null) {
                    reader.diagnostics().error(reader.at(node), "list field '" + name + "' needs 'of:' (the item type)", null);
                    yield Optional.empty();
                }
                yield readField(name + "[]", of).map(item ->
                        new Field(name, FieldType.LIST, required, description, item, Map.of(), List.of(), min, max));
            }
            case RECORD -> {
                Node fieldsNode = s.get("fields");
                if (fieldsNode == null) {
                    reader.diagnostics().error(reader.at(node), "record field '" + name + "' needs 'fields:'", null);
                    yield Optional.empty();
                }
                yield Optional.of(new Field(name, FieldType.RECORD, required, description, null,
                        readFields(fieldsNode), List.of(), 0, Integer.MAX_VALUE));
            }
            case CHOICE -> {
                List<String> values = Optional.ofNullable(s.get("values"))
                        .flatMap(n -> reader.sequence(n, "values"))
                        .map(list -> list.stream().map(n -> reader.string(n, "value")).flatMap(Optional::stream).toList())
                        .orElse(List.of());
                if (values.isEmpty()) {
                    reader.diagnostics().error(reader.at(node), "choice field '" + name + "' needs 'values:'", null);
                    yield Optional.empty();
                }
                yield Optional.of(new Field(name, FieldType.CHOICE, required, description, null, Map.of(), values, 0,
                        Integer.MAX_VALUE));
            }
            case IMAGE -> {
                boolean informative = Optional.ofNullable(s.get("informative"))
                        .flatMap(n -> reader.bool(n, "informative")).orElse(true);
                String altFrom = Optional.ofNullable(s.get("alt")).flatMap(n -> reader.string(n, "alt")).orElse(null);
                yield Optional.of(new Field(name, FieldType.IMAGE, required, description, null, Map.of(), List.of(), 0,
                        Integer.MAX_VALUE, informative, altFrom));
            }
            default -> {
                for (String key : List.of("informative", "alt")) {
                    if (s.containsKey(key)) {
                        reader.diagnostics().error(reader.at(s.get(key)), "'" + key + "' is only for image fields",
                                "remove it from field '" + name + "'");
                    }
                }
                yield Optional.of(simple(name, type.get(), required, description));
            }
        };
    }

    private Optional<FieldType> typeOf(Node node) {
        return reader.string(node, "type").flatMap(word -> {
            Optional<FieldType> type = FieldType.of(word);
            if (type.isEmpty()) {
                reader.diagnostics().error(reader.at(node), "unknown field type '" + word + "'",
                        dev.brochure.diag.Suggestions.hint(word, FieldType.words()));
            }
            return type;
        });
    }

    private static Field simple(String name, FieldType type, boolean required, String description) {
        return new Field(name, type, required, description, null, Map.of(), List.of(), 0, Integer.MAX_VALUE);
    }
}
