package dev.brochure.pipeline.batch;

import dev.brochure.recipients.RecipientsFile;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name of each copy, from a pattern such as {@code {last_name}-{first_name}}: each
 * {@code {field}} is the record's value, {@code {record}} its number in the file; {@code .pdf} is
 * added. The name is made safe for every file system: letters (of any script), digits,
 * {@code -}, {@code _} and {@code .} are kept, every other run of characters (spaces, slashes,
 * colons, quotes...) becomes one {@code -}; no name starts or ends with a dot or dash, none is a
 * name Windows reserves ({@code CON}, {@code NUL}, {@code COM1}...), none is longer than 200
 * bytes. Two records whose names differ only in letter case would be one file on some systems,
 * so names are compared {@link #folded}.
 */
final class CopyNames {

    private static final Pattern PART = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final int MAX_BYTES = 200;
    /** The fields a default name is made of, those the file has, in this order. */
    static final List<String> DEFAULT_FIELDS = List.of("id", "first_name", "last_name", "name");
    static final String RECORD = "record";

    private final String pattern;
    private final List<String> fields;

    private CopyNames(String pattern, List<String> fields) {
        this.pattern = pattern;
        this.fields = List.copyOf(fields);
    }

    /** The default pattern for a file with {@code fields}: its id, first_name, last_name and name joined by {@code -}. */
    static String defaultPattern(List<String> fields) {
        List<String> parts = DEFAULT_FIELDS.stream().filter(fields::contains).map(f -> "{" + f + "}").toList();
        return parts.isEmpty() ? "recipient-{record}" : String.join("-", parts);
    }

    /** Checks {@code pattern} against the file's fields; an {@link IllegalArgumentException} says what is wrong. */
    static CopyNames of(String pattern, List<String> fileFields) {
        String base = pattern.endsWith(".pdf") ? pattern.substring(0, pattern.length() - 4) : pattern;
        List<String> named = new ArrayList<>();
        Matcher m = PART.matcher(base);
        while (m.find()) {
            String field = m.group(1).strip();
            if (!field.equals(RECORD) && !fileFields.contains(field)) {
                throw new IllegalArgumentException("the name pattern '" + pattern + "' names '{" + field
                        + "}', which is no field of the recipients file (its fields: " + String.join(", ", fileFields)
                        + "; {record} is the record's number)");
            }
            named.add(field);
        }
        if (base.replaceAll("\\{[^{}]*}", "").matches(".*[{}].*")) {
            throw new IllegalArgumentException("the name pattern '" + pattern + "' has an unmatched brace");
        }
        if (named.isEmpty()) {
            throw new IllegalArgumentException("the name pattern '" + pattern + "' names no field, so every copy "
                    + "would get the same name: use fields such as {last_name}-{first_name}, or {record}");
        }
        return new CopyNames(base, named);
    }

    /** The fields the names are made of (the record's key fields), without {@code record}. */
    List<String> keyFields() {
        return fields.stream().filter(f -> !f.equals(RECORD)).distinct().toList();
    }

    /** The copy's file name, or the empty string when the record's fields make none. */
    String name(RecipientsFile.Row row) {
        Matcher m = PART.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String field = m.group(1).strip();
            String value = field.equals(RECORD) ? String.valueOf(row.number()) : row.recipient().get(field);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String safe = safe(out.toString());
        return safe.isEmpty() ? "" : safe + ".pdf";
    }

    /** A name safe on every file system (without the extension). */
    static String safe(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length());
        boolean dash = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || cp == '.') {
                if (cp == '-' && dash) {
                    continue;
                }
                out.appendCodePoint(cp);
                dash = cp == '-';
            } else if (!dash) {
                out.append('-');
                dash = true;
            }
        }
        String name = trim(out.toString());
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            StringBuilder cut = new StringBuilder();
            int bytes = 0;
            for (int i = 0; i < name.length(); ) {
                int cp = name.codePointAt(i);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + size > MAX_BYTES) {
                    break;
                }
                cut.appendCodePoint(cp);
                bytes += size;
                i += Character.charCount(cp);
            }
            name = trim(cut.toString());
        }
        if (RESERVED.matcher(name).matches()) {
            name = "_" + name;
        }
        return name;
    }

    private static String trim(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && "-_.".indexOf(name.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "-.".indexOf(name.charAt(end - 1)) >= 0) {
            end--;
        }
        return name.substring(start, end);
    }

    /** The name as file systems that ignore case and Unicode form compare it. */
    static String folded(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
