package dev.brochure.recipients;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.vocab.Recipient;
import dev.brochure.vocab.SourceLocation;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Recipients written as YAML: a list of records, each a mapping of field to a single value.
 * Only SnakeYAML's composer runs (no object is constructed from the file), with bounds on
 * aliases, nesting and size.
 */
final class YamlRecipients {

    private YamlRecipients() {
    }

    static RecipientsFile read(String name, DecodedText text) {
        Node root;
        try {
            root = new Yaml(options()).compose(new StringReader(text.text()));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new BrochureException(Diagnostic.error(mark == null ? SourceLocation.of(name)
                            : new SourceLocation(name, mark.getLine() + 1, mark.getColumn() + 1),
                    "YAML syntax error: " + (e.getProblem() != null ? e.getProblem() : e.getMessage()),
                    "check indentation and quoting near this line"));
        } catch (YAMLException e) {
            throw BrochureException.of(SourceLocation.of(name), "YAML rejected: " + e.getMessage(),
                    "write the recipients as a list of records: - first_name: Ada");
        }
        if (!(root instanceof SequenceNode list)) {
            throw BrochureException.of(root == null ? SourceLocation.of(name) : at(name, root),
                    "the recipients file must be a list of records",
                    "start each record with '- ', for example: - {first_name: Ada, last_name: Lovelace}");
        }
        if (list.getValue().size() > RecipientsReader.MAX_RECORDS) {
            throw BrochureException.of(SourceLocation.of(name), "the recipients file has more than "
                    + RecipientsReader.MAX_RECORDS + " records", "share it out with --shard, or split it");
        }
        Set<String> fields = new LinkedHashSet<>();
        List<RecipientsFile.Row> rows = new ArrayList<>();
        for (Node item : list.getValue()) {
            rows.add(row(name, item, text, fields, rows.size()));
        }
        if (fields.size() > RecipientsReader.MAX_FIELDS) {
            throw BrochureException.of(SourceLocation.of(name), "the records use " + fields.size()
                    + " fields, more than " + RecipientsReader.MAX_FIELDS, "keep only the fields the brochure uses");
        }
        return new RecipientsFile(name, List.copyOf(fields), rows);
    }

    private static RecipientsFile.Row row(String name, Node item, DecodedText text, Set<String> fields, int before) {
        SourceLocation where = at(name, item);
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        int first = item.getStartMark().getLine() + 1;
        Mark end = item.getEndMark();
        // The end mark stands after the record: at the start of the next line when the record ends its line.
        int last = end == null ? first : end.getColumn() == 0 ? Math.max(first, end.getLine()) : end.getLine() + 1;
        for (DecodedText.Malformed bad : text.malformedIn(0, Long.MAX_VALUE)) {
            int line = text.line(bad.offset());
            if (line >= first && line <= last) {
                problems.add(Diagnostic.error(new SourceLocation(name, line, text.column(bad.offset())),
                        String.format(Locale.ROOT, "the record is not valid UTF-8 text (byte 0x%02X)", bad.firstByte()),
                        "save the file as UTF-8"));
            }
        }
        if (!(item instanceof MappingNode mapping)) {
            problems.add(Diagnostic.error(where, "a record must be a mapping of field to value",
                    "for example: - {first_name: Ada, last_name: Lovelace}"));
            return new RecipientsFile.Row(before + 1, where.line(), new Recipient(values, where), problems);
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(Diagnostic.error(at(name, tuple.getKeyNode()), "a field name must be a word", null));
                continue;
            }
            String field = Recipient.fieldName(key.getValue());
            if (field.isEmpty()) {
                problems.add(Diagnostic.error(at(name, key), "'" + key.getValue() + "' is not a field name",
                        "name fields with letters, digits and _"));
                continue;
            }
            Node valueNode = tuple.getValueNode();
            String value;
            if (valueNode instanceof ScalarNode scalar) {
                value = scalar.getTag().equals(Tag.NULL) ? "" : scalar.getValue().strip();
            } else {
                problems.add(Diagnostic.error(at(name, valueNode), "field '" + field + "' must be a single value, "
                        + "not a list or a mapping", "write the value on the line of its field"));
                continue;
            }
            if (values.putIfAbsent(field, value) != null) {
                problems.add(Diagnostic.error(at(name, key), "the record gives the field '" + field + "' twice", null));
            }
            RecipientsReader.control(name, at(name, valueNode).line(), field, value, problems);
            fields.add(field);
        }
        return new RecipientsFile.Row(before + 1, where.line(), new Recipient(values, where), problems);
    }

    private static SourceLocation at(String name, Node node) {
        Mark mark = node.getStartMark();
        return mark == null ? SourceLocation.of(name) : new SourceLocation(name, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // a record's repeated field is reported for that record
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, RecipientsReader.MAX_BYTES));
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return options;
    }
}
