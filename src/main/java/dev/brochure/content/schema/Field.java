package dev.brochure.content.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one field of a section may hold. {@code of} is set for lists, {@code fields} for records,
 * {@code values} for choices; {@code min}/{@code max} bound a list's length.
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
        int max) {

    public Field {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        values = List.copyOf(values);
    }

    public static Field record(String name, Map<String, Field> fields) {
        return new Field(name, FieldType.RECORD, true, "", null, fields, List.of(), 0, Integer.MAX_VALUE);
    }
}
