package dev.brochure.recipients;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.vocab.Recipient;
import dev.brochure.vocab.SourceLocation;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a recipients file: CSV (RFC 4180: a header row naming the fields, fields in double
 * quotes when they hold commas, quotes or line breaks, UTF-8 with or without a byte-order mark)
 * or YAML (a list of mappings of field to value). Column names become field names by
 * {@link Recipient#fieldName}; values lose the spaces around them.
 *
 * <p>A problem of the whole file (it is missing, too large, has no header, two columns that
 * give one field, a quoted field that never closes, a YAML syntax error) is a
 * {@link BrochureException}: nothing can be built from it. A problem of one record (a wrong
 * number of fields, bytes that are not UTF-8, a control character) stays with that record,
 * located at its line, and the other records are read on.
 */
public final class RecipientsReader {

    /** Bounds on a recipients file, so a wrong file cannot exhaust memory. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    public static final int MAX_RECORDS = 1_000_000;
    public static final int MAX_FIELDS = 200;

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern CSV_LINE = Pattern.compile("\\(line (\\d+)\\)");

    private RecipientsReader() {
    }

    /** Reads {@code file}; diagnostics name it as given. */
    public static RecipientsFile read(Path file) {
        return read(file, null);
    }

    /** Reads {@code file}; diagnostics name it relative to {@code displayRoot} (null: as given). */
    public static RecipientsFile read(Path file, Path displayRoot) {
        String name = SourceLocation.display(file, displayRoot);
        String lower = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
        if (!yaml && !lower.endsWith(".csv")) {
            throw BrochureException.of(SourceLocation.of(name), "a recipients file must be .csv or .yaml",
                    "export the list as CSV (UTF-8), or write it as a YAML list of records");
        }
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw BrochureException.of(SourceLocation.of(name), "the recipients file is a folder",
                        "give the CSV or YAML file with --recipients");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw BrochureException.of(SourceLocation.of(name), "the recipients file is " + size / (1024 * 1024)
                        + " MB, more than the " + MAX_BYTES / (1024 * 1024) + " MB one batch reads",
                        "split it into several files, or share it out with --shard");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw BrochureException.of(SourceLocation.of(name), "recipients file not found",
                    "check the path given with --recipients");
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(name), "cannot read the recipients file: " + e.getMessage(),
                    null);
        }
        DecodedText text = DecodedText.of(bytes);
        return yaml ? YamlRecipients.read(name, text) : csv(name, text);
    }

    /** Reads CSV text (for tests and for {@link #read}). */
    static RecipientsFile csv(String name, DecodedText text) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        List<RecipientsFile.Row> rows = new ArrayList<>();
        List<String> fields;
        try (CSVParser parser = CSVParser.parse(new StringReader(text.text()), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw BrochureException.of(SourceLocation.of(name), "the recipients file is empty",
                        "its first line names the fields, for example: first_name,last_name,email");
            }
            CSVRecord header = records.next();
            CSVRecord next = records.hasNext() ? records.next() : null;
            fields = header(name, header, next == null ? Long.MAX_VALUE : next.getCharacterPosition(), text);
            // A record ends where the next begins, so the bytes of it that are not UTF-8 can be found.
            while (next != null) {
                CSVRecord record = next;
                next = records.hasNext() ? records.next() : null;
                rows.add(row(name, record, next == null ? Long.MAX_VALUE : next.getCharacterPosition(), fields, text,
                        rows.size()));
                if (rows.size() > MAX_RECORDS) {
                    throw BrochureException.of(SourceLocation.of(name), "the recipients file has more than "
                            + MAX_RECORDS + " records", "share it out with --shard, or split it");
                }
            }
        } catch (UncheckedIOException | IOException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            Matcher line = CSV_LINE.matcher(message);
            int at = line.find() ? Integer.parseInt(line.group(1)) : 0;
            throw new BrochureException(Diagnostic.error(new SourceLocation(name, at, 0),
                    "the CSV cannot be read past here: " + csvProblem(message),
                    "a field in double quotes must end with a double quote; write a quote inside it as two (\"\")"));
        }
        return new RecipientsFile(name, fields, rows);
    }

    private static String csvProblem(String message) {
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field is not closed";
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return "text follows the closing quote of a field";
        }
        return message.replaceFirst("^.*?: ", "");
    }

    private static List<String> header(String name, CSVRecord header, long end, DecodedText text) {
        int line = text.line(header.getCharacterPosition());
        if (!text.malformedIn(header.getCharacterPosition(), end).isEmpty()) {
            throw BrochureException.of(new SourceLocation(name, line, 0), "the header is not valid UTF-8 text",
                    "save the file as CSV UTF-8");
        }
        if (header.size() > MAX_FIELDS) {
            throw BrochureException.of(new SourceLocation(name, line, 0), "the header has " + header.size()
                    + " columns, more than " + MAX_FIELDS, "keep only the columns the brochure uses");
        }
        Map<String, String> columnOf = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).strip();
            String field = Recipient.fieldName(column);
            if (field.isEmpty()) {
                problems.add(Diagnostic.error(new SourceLocation(name, line, 0), "column " + (i + 1)
                        + " of the header has no name", "the first line names every column, for example: first_name,last_name"));
                continue;
            }
            String other = columnOf.putIfAbsent(field, column);
            if (other != null) {
                problems.add(Diagnostic.error(new SourceLocation(name, line, 0), "columns '" + other + "' and '"
                        + column + "' both give the field '" + field + "'", "rename one of them"));
            }
        }
        if (!problems.isEmpty()) {
            throw new BrochureException(problems);
        }
        return List.copyOf(columnOf.keySet());
    }

    private static RecipientsFile.Row row(String name, CSVRecord record, long end, List<String> fields,
            DecodedText text, int before) {
        long start = record.getCharacterPosition();
        // After empty lines (which are no records) the parser's position is where they began.
        while (start < text.text().length() && (text.text().charAt((int) start) == '\n'
                || text.text().charAt((int) start) == '\r')) {
            start++;
        }
        int line = text.line(start);
        List<Diagnostic> problems = new ArrayList<>();
        if (record.size() != fields.size()) {
            problems.add(Diagnostic.error(new SourceLocation(name, line, 0), "the record has " + record.size()
                    + (record.size() == 1 ? " field" : " fields") + ", the header " + fields.size(),
                    record.size() > fields.size()
                            ? "a value with a comma must be in double quotes: \"Lovelace, Ada\""
                            : "give every column a value, an empty one if need be (two commas in a row)"));
        }
        for (DecodedText.Malformed bad : text.malformedIn(start, end)) {
            problems.add(Diagnostic.error(new SourceLocation(name, text.line(bad.offset()), text.column(bad.offset())),
                    String.format(Locale.ROOT, "the record is not valid UTF-8 text (byte 0x%02X)", bad.firstByte()),
                    "save the file as CSV UTF-8"));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(record.size(), fields.size()); i++) {
            String value = record.get(i).strip();
            control(name, line, fields.get(i), value, problems);
            values.put(fields.get(i), value);
        }
        return new RecipientsFile.Row(before + 1, line, new Recipient(values, new SourceLocation(name, line, 0)),
                problems);
    }

    /** A control character (other than tab and line breaks) in a value is a problem of its record. */
    static void control(String name, int line, String field, String value, List<Diagnostic> problems) {
        Matcher m = CONTROL.matcher(value);
        if (m.find()) {
            problems.add(Diagnostic.error(new SourceLocation(name, line, 0), String.format(Locale.ROOT,
                    "field '%s' holds the control character U+%04X", field, (int) m.group().charAt(0)),
                    "remove it; it is invisible in most editors"));
        }
    }
}
