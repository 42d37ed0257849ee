package dev.brochure.content;

import dev.brochure.diag.Diagnostics;
import dev.brochure.vocab.Recipient;
import dev.brochure.vocab.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of personalised content: {@code {{recipient.first_name}}} (spaces inside the
 * braces allowed) stands for a field of the copy's reader. A placeholder is only ever replaced
 * by the field's text: it cannot run anything, and the text is read as typed, its markup
 * characters literally. Braces that do not begin with {@code recipient} are ordinary text.
 */
public final class Placeholders {

    /** Where a placeholder begins: anything after it must be a well-formed placeholder. */
    private static final Pattern START = Pattern.compile("\\{\\{\\s*recipient(?![\\p{L}\\p{N}_])");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*recipient\\.([^{}\\s]+)\\s*}}");

    private Placeholders() {
    }

    /**
     * The fields {@code text} names, in order (empty for text without placeholders). A malformed
     * placeholder is an error at {@code at}, and the text is then read as it is.
     */
    public static List<String> fields(String text, SourceLocation at, Diagnostics diagnostics) {
        if (!text.contains("{{")) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        Matcher start = START.matcher(text);
        while (start.find()) {
            Matcher placeholder = PLACEHOLDER.matcher(text).region(start.start(), text.length());
            if (!placeholder.lookingAt()) {
                String written = text.substring(start.start(), Math.min(text.length(), start.start() + 40));
                diagnostics.error(at, "malformed placeholder '" + written.strip() + "'",
                        "write a recipient field as {{recipient.first_name}}");
                return List.of();
            }
            String field = placeholder.group(1);
            if (!Recipient.FIELD_NAME.matcher(field).matches()) {
                diagnostics.error(at, "'" + field + "' in a placeholder is not a field name",
                        "field names are lower case, with _ between words: {{recipient." + Recipient.fieldName(field) + "}}");
                return List.of();
            }
            fields.add(field);
        }
        return fields;
    }

    /** {@code source} with every placeholder replaced by what {@code value} gives for its field. */
    static String substitute(String source, UnaryOperator<String> value) {
        Matcher m = PLACEHOLDER.matcher(source);
        StringBuilder out = new StringBuilder(source.length() + 32);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
