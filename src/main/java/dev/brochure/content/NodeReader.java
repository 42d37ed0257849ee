package dev.brochure.content;

import dev.brochure.vocab.Units;

import dev.brochure.diag.Diagnostics;
import dev.brochure.vocab.SourceLocation;
import dev.brochure.diag.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed, located access to YAML nodes. Problems are added to the run's {@link Diagnostics}
 * (never thrown), so that one run reports every mistake in every file.
 */
public final class NodeReader {

    private final String file;
    private final Diagnostics diagnostics;

    public NodeReader(String file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    public String file() {
        return file;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public SourceLocation at(Node node) {
        return YamlFile.locate(file, node);
    }

    /**
     * The entries of a mapping, in order. Keys that are not in {@code allowed} (when given) are
     * reported with a suggestion; duplicate keys are reported at their second occurrence.
     */
    public Optional<Map<String, Node>> mapping(Node node, String what, Collection<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            diagnostics.error(at(node), what + " must be a mapping of 'key: value' lines, not " + describe(node),
                    null);
            return Optional.empty();
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                diagnostics.error(at(keyNode), "keys in " + what + " must be plain words", null);
                continue;
            }
            String name = key.getValue();
            if (entries.containsKey(name)) {
                diagnostics.error(at(keyNode), "duplicate key '" + name + "' in " + what,
                        "the key was already given at line " + at(entries.get(name)).line()
                                + "; remove one of them");
                continue;
            }
            if (allowed != null && !allowed.contains(name)) {
                diagnostics.error(at(keyNode), "unknown key '" + name + "' in " + what,
                        Suggestions.hint(name, allowed));
                continue;
            }
            entries.put(name, tuple.getValueNode());
        }
        return Optional.of(entries);
    }

    /** Reports each of {@code required} that is absent from the mapping. */
    public void requireKeys(Node mappingNode, Map<String, Node> entries, String what, Collection<String> required) {
        for (String key : required) {
            if (!entries.containsKey(key)) {
                diagnostics.error(at(mappingNode), what + " is missing the required key '" + key + "'",
                        "add a line '" + key + ": ...'");
            }
        }
    }

    public Optional<String> string(Node node, String what) {
        if (node instanceof ScalarNode scalar && !isNull(scalar)) {
            return Optional.of(scalar.getValue());
        }
        diagnostics.error(at(node), what + " must be a text value, not " + describe(node), null);
        return Optional.empty();
    }

    public Optional<List<Node>> sequence(Node node, String what) {
        if (node instanceof SequenceNode seq) {
            return Optional.of(new ArrayList<>(seq.getValue()));
        }
        diagnostics.error(at(node), what + " must be a list ('- item' lines), not " + describe(node), null);
        return Optional.empty();
    }

    public Optional<Boolean> bool(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            switch (scalar.getValue().toLowerCase()) {
                case "true", "yes", "on" -> {
                    return Optional.of(true);
                }
                case "false", "no", "off" -> {
                    return Optional.of(false);
                }
                default -> { }
            }
        }
        diagnostics.error(at(node), what + " must be true or false, not " + describe(node), null);
        return Optional.empty();
    }

    public Optional<Double> number(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            try {
                double value = Double.parseDouble(scalar.getValue().trim());
                if (Double.isFinite(value)) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        diagnostics.error(at(node), what + " must be a number, not " + describe(node), null);
        return Optional.empty();
    }

    public Optional<Integer> integer(Node node, String what, int min, int max) {
        Optional<Double> value = number(node, what);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        double v = value.get();
        if (v != Math.rint(v) || v < min || v > max) {
            diagnostics.error(at(node), what + " must be a whole number from " + min + " to " + max, null);
            return Optional.empty();
        }
        return Optional.of((int) v);
    }

    /** A length such as {@code 12pt}, {@code 3mm} or {@code 0.5in}, in points. */
    public Optional<Double> length(Node node, String what) {
        Optional<String> text = string(node, what);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Double> points = Units.toPoints(text.get());
        if (points.isEmpty()) {
            diagnostics.error(at(node), what + " is not a length: '" + text.get() + "'",
                    "write a number with a unit: pt, mm, cm or in (for example 12pt or 3mm)");
            return points;
        }
        if (!Units.withinBounds(points.get())) {
            diagnostics.error(at(node), what + " '" + abbreviate(text.get()) + "' is " + Units.tooLong(), null);
            return Optional.empty();
        }
        return points;
    }

    /** A length that may not be negative. */
    public Optional<Double> nonNegativeLength(Node node, String what) {
        Optional<Double> points = length(node, what);
        if (points.isPresent() && points.get() < 0) {
            diagnostics.error(at(node), what + " must not be negative, not '" + abbreviate(text(node)) + "'", null);
            return Optional.empty();
        }
        return points;
    }

    /** A number from {@code min} to {@code max}. */
    public Optional<Double> number(Node node, String what, double min, double max) {
        Optional<Double> value = number(node, what);
        if (value.isPresent() && (value.get() < min || value.get() > max)) {
            diagnostics.error(at(node), what + " must be from " + plain(min) + " to " + plain(max) + ", not "
                    + describe(node), null);
            return Optional.empty();
        }
        return value;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String text(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : "";
    }

    public static boolean isNull(Node node) {
        return node instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue());
    }

    public static String describe(Node node) {
        if (node == null || isNull(node)) {
            return "an empty value";
        }
        return switch (node) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s -> "'" + abbreviate(s.getValue()) + "'";
            default -> "a " + node.getNodeId();
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
