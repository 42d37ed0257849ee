package dev.brochure.vocab;

import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The reader of one personalised copy: the fields of one record of a recipients file, by field
 * name, and where the record stands in that file. A field is <em>present</em> when its value is
 * not blank; an empty cell and a missing key are the same to the content and the layouts.
 *
 * <p>Field names are the file's column names made into words that placeholders can name
 * ({@link #fieldName}): {@code First Name} is {@code first_name}.
 */
public record Recipient(Map<String, String> fields, SourceLocation where) {

    /** No reader: the generic brochure, as {@code brochure build} makes it. */
    public static final Recipient NONE = new Recipient(Map.of(), SourceLocation.of("(no recipient)"));

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** What a placeholder or a {@code when:} may name: what {@link #fieldName} makes of a column name. */
    public static final Pattern FIELD_NAME = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{N}_]+");

    public Recipient {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The field's value, or the empty string when the record has none. */
    public String get(String field) {
        String value = fields.get(field);
        return value == null ? "" : value;
    }

    /** Whether the field has a value that is not blank. */
    public boolean has(String field) {
        return !get(field).isBlank();
    }

    /**
     * A column name as a field name: Unicode-normalised (NFC), lower case, every run of
     * characters other than letters and digits made one underscore, none at either end
     * ({@code "First Name"} → {@code first_name}, {@code "E-mail"} → {@code e_mail}).
     */
    public static String fieldName(String column) {
        String words = NOT_WORD.matcher(Normalizer.normalize(column, Normalizer.Form.NFC).toLowerCase(Locale.ROOT))
                .replaceAll("_");
        int start = 0;
        int end = words.length();
        while (start < end && words.charAt(start) == '_') {
            start++;
        }
        while (end > start && words.charAt(end - 1) == '_') {
            end--;
        }
        return words.substring(start, end);
    }
}
