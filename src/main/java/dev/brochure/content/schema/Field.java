package dev.brochure.content.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one field of a section may hold. {@code of} is set for lists, {@code fields} for records,
 * {@code values} for choices; {@code min}/{@code max} bound a list's length. For an image:
 * {@code informative} says the picture tells the reader something (a reader who cannot see it
 * needs its description), and {@code altFrom} names the field of the same record that describes
 * it (a portrait's {@code name}; null when the content describes each image itself).
 */
public record Field(
        String name,
        FieldType type,
        boolean required,
        String description,
        Field of,
        Map<String, Field> fields,
        List<String> values,
        int min,
        int max,
        boolean informative,
        String altFrom) {

    public Field {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        values = List.copyOf(values);
    }

    /** A field that is not an image, or an informative image the content describes itself. */
    public Field(String name, FieldType type, boolean required, String description, Field of, Map<String, Field> fields,
            List<String> values, int min, int max) {
        this(name, type, required, description, of, fields, values, min, max, true, null);
    }

    public static Field record(String name, Map<String, Field> fields) {
        return new Field(name, FieldType.RECORD, true, "", null, fields, List.of(), 0, Integer.MAX_VALUE);
    }
}
