package dev.brochure.content;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.vocab.SourceLocation;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks a composed YAML tree before anything reads it, so that the readers that follow can
 * walk it naively: only plain data types, no value that contains itself, and a bounded number
 * of values once aliases are expanded.
 *
 * <p>SnakeYAML's own limits bound the text (size, nesting, number of aliases), but fifty
 * aliases to collections still allow a "billion laughs" tree (each level listing the previous
 * one twice doubles it), and an anchor inside its own collection makes a cycle. Both are found
 * here on the shared node graph, in time proportional to the text, not to the expansion.
 */
final class YamlChecks {

    /** More values than any brochure file needs (a long section has a few hundred). */
    static final long MAX_EXPANDED_VALUES = 200_000;

    /** The tags plain YAML resolves by itself; an explicit {@code !!str} is fine, {@code !!java...} or {@code !foo} is not. */
    private static final Set<Tag> PLAIN = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP,
            Tag.MAP, Tag.SEQ, Tag.MERGE);

    private final String file;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final Map<Node, Long> expanded = new IdentityHashMap<>();
    private final Set<Node> open = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlChecks(String file) {
        this.file = file;
    }

    /** Throws a {@link BrochureException} naming every problem of the tree, if there is one. */
    static void check(String file, Node root) {
        if (root == null) {
            return;
        }
        YamlChecks checks = new YamlChecks(file);
        long total = checks.size(root);
        if (checks.problems.isEmpty() && total > MAX_EXPANDED_VALUES) {
            checks.problems.add(Diagnostic.error(SourceLocation.of(file), "the file expands to " + total
                            + " values, more than the limit of " + MAX_EXPANDED_VALUES,
                    "aliases (*name) copy what their anchor (&name) holds; split the content or repeat less"));
        }
        if (!checks.problems.isEmpty()) {
            throw new BrochureException(checks.problems);
        }
    }

    /** The number of values under {@code node} with aliases expanded; memoised, so shared subtrees count once in time. */
    private long size(Node node) {
        Long known = expanded.get(node);
        if (known != null) {
            return known;
        }
        if (!open.add(node)) {
            problems.add(Diagnostic.error(YamlFile.locate(file, node),
                    "this value contains itself through an alias" + anchor(node),
                    "an alias (*name) may only refer to a value that is complete before it"));
            return 1;
        }
        checkTag(node);
        long total = 1;
        switch (node) {
            case MappingNode map -> {
                for (NodeTuple tuple : map.getValue()) {
                    total = saturatedAdd(total, size(tuple.getKeyNode()));
                    total = saturatedAdd(total, size(tuple.getValueNode()));
                }
            }
            case SequenceNode seq -> {
                for (Node child : seq.getValue()) {
                    total = saturatedAdd(total, size(child));
                }
            }
            case ScalarNode scalar -> checkCharacters(scalar);
            default -> { }
        }
        open.remove(node);
        expanded.put(node, total);
        return total;
    }

    private void checkTag(Node node) {
        if (!PLAIN.contains(node.getTag())) {
            problems.add(tagRefused(YamlFile.locate(file, node), node.getTag().getValue()));
        }
    }

    /**
     * A value may hold any character a PDF can show and an XML document can carry: not the control
     * characters (tab and line breaks aside), nor half of a surrogate pair, nor U+FFFE/U+FFFF. The
     * reader already refuses them typed raw; here they come from escapes such as {@code "\0"} or
     * {@code "\uD800"} in double quotes, and are reported at the value that holds them.
     */
    private void checkCharacters(ScalarNode scalar) {
        String text = scalar.getValue();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!allowed(cp)) {
                boolean half = cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
                String kind = half ? "half a surrogate pair," : cp >= 0xFFFE ? "the noncharacter" : "the control character";
                problems.add(Diagnostic.error(YamlFile.locate(file, scalar), String.format(Locale.ROOT,
                        "the value holds %s U+%04X, which is not allowed in text", kind, cp),
                        half ? "write the character itself, or its whole escape such as \\U0001F600"
                                : "remove the escape (such as \\0 or \\x07) that puts it there; text may hold any"
                                + " printable character, tabs and line breaks"));
                return;
            }
            i += Character.charCount(cp);
        }
    }

    private static boolean allowed(int cp) {
        if (cp < 0x20) {
            return cp == '\t' || cp == '\n' || cp == '\r';
        }
        if (cp >= 0x7F && cp <= 0x9F) {
            return cp == 0x85; // NEL, a line break
        }
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            return false; // a lone half: a whole pair arrives here as one code point above U+FFFF
        }
        return cp != 0xFFFE && cp != 0xFFFF;
    }

    static Diagnostic tagRefused(SourceLocation where, String tag) {
        String written = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
        return Diagnostic.error(where, "the YAML tag '" + written + "' is not allowed",
                "content holds only plain text, numbers, true/false, lists and mappings; remove the tag");
    }

    private static String anchor(Node node) {
        return node.getAnchor() == null ? "" : " (&" + node.getAnchor() + ")";
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
