package dev.brochure.content;

import dev.brochure.content.model.BrochureContent;
import dev.brochure.content.model.Section;
import dev.brochure.content.model.Value;
import dev.brochure.content.schema.Field;
import dev.brochure.content.schema.FieldType;
import dev.brochure.content.schema.SchemaReader;
import dev.brochure.content.schema.SectionSchema;
import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostics;
import dev.brochure.diag.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words a content project asks to be printed, as plain strings: one unit per text or plain
 * field value (a paragraph, a list item, a title, a name), in reading order, with the YAML place
 * it came from. {@code verify --content} checks that each unit can be found in the PDF.
 *
 * <p>Inline markup is gone (a unit is what a reader sees: {@code **bold**} gives "bold"). The
 * words of a {@code choice} field are settings for the layout, not text, and images, links,
 * numbers and booleans are not text either, so none of them is a unit. A layout that uses a
 * text field only inside an attribute prints nothing of it; such a layout should make that
 * field {@code plain} and say so in its description.
 */
public final class ContentText {

    /** One text unit: what should be printed, and where the content says so. */
    public record Unit(String text, SourceLocation where) {
    }

    private ContentText() {
    }

    public static List<Unit> units(BrochureContent content) {
        LayoutCatalog layouts = new LayoutCatalog(content.project());
        Map<String, Optional<Field>> schemas = new HashMap<>();
        List<Unit> units = new ArrayList<>();
        for (Section section : content.sections()) {
            Field schema = schemas.computeIfAbsent(section.layout(), name -> schema(layouts, name)).orElse(null);
            walk(section.fields(), schema, units);
        }
        return List.copyOf(units);
    }

    /** The section's schema tells choices from text; content that loaded has a readable one. */
    private static Optional<Field> schema(LayoutCatalog layouts, String layout) {
        return layouts.find(layout + LayoutCatalog.SCHEMA).flatMap(file -> {
            try {
                return SchemaReader.read(layout, YamlFile.parse(file.displayName(), file.text()), new Diagnostics());
            } catch (BrochureException e) {
                return Optional.empty();
            }
        }).map(SectionSchema::root);
    }

    /** Walks a value beside its schema field ({@code null} when unknown: then every plain value is text). */
    private static void walk(Value value, Field field, List<Unit> units) {
        switch (value) {
            case Value.Text text -> add(text.text().plainText(), text.where(), units);
            case Value.Plain plain -> {
                if (field == null || field.type() != FieldType.CHOICE) {
                    add(plain.text(), plain.where(), units);
                }
            }
            case Value.Items items -> {
                for (Value item : items.items()) {
                    walk(item, field == null ? null : field.of(), units);
                }
            }
            case Value.Fields fields -> fields.fields().forEach((name, child) ->
                    walk(child, field == null ? null : field.fields().get(name), units));
            case Value.Num n -> { }
            case Value.Bool b -> { }
            case Value.Image i -> { }
            case Value.Link l -> { }
        }
    }

    private static void add(String text, SourceLocation where, List<Unit> units) {
        if (!text.isBlank()) {
            units.add(new Unit(text.strip(), where));
        }
    }
}
