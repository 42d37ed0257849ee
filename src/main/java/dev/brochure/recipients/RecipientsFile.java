package dev.brochure.recipients;

import dev.brochure.diag.Diagnostic;
import dev.brochure.vocab.Recipient;
import java.util.List;

/**
 * A recipients file as read: its display name, the field names its records may have (the CSV
 * header, or every key the YAML records use, in order of first use), and its records in file
 * order. A record that could not be read cleanly (a wrong number of columns, bytes that are not
 * UTF-8, a control character) carries its problems and is built by nobody; the others are fine
 * as far as the file goes (the content may still ask for a field the record leaves empty).
 */
public record RecipientsFile(String displayName, List<String> fields, List<Row> rows) {

    public RecipientsFile {
        fields = List.copyOf(fields);
        rows = List.copyOf(rows);
    }

    /**
     * One record: its number among the records (1 for the first after the header), the line it
     * starts on, its fields, and what is wrong with it (nothing for a good record).
     */
    public record Row(int number, int line, Recipient recipient, List<Diagnostic> problems) {
        public Row {
            problems = List.copyOf(problems);
        }

        public boolean readable() {
            return problems.isEmpty();
        }
    }

    public boolean hasField(String field) {
        return fields.contains(field);
    }
}
