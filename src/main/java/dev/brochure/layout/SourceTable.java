package dev.brochure.layout;

import dev.brochure.content.model.Value;
import freemarker.core.Environment;
import freemarker.core.XMLOutputFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content values one run of a layout template showed, numbered. The template's output names
 * a value only by its number, in a {@code <?src N?>} mark; the value itself, with its
 * {@link dev.brochure.vocab.SourceLocation}, stays here, so a location never travels as text.
 *
 * <p>A text field's markup starts with its mark. Strings (plain and alt fields, image paths,
 * links) must stay ordinary strings that templates compare, measure and put in attributes, so
 * they carry no mark; instead the table notes where the output stood whenever the template read
 * one, and {@link #marked} puts the mark in afterwards where the string was in fact written:
 * before it in text, or before the tag whose attribute holds it.
 */
final class SourceTable {

    /**
     * At most this many reads are noted (as many as the output has characters at most): a
     * template that reads strings in a loop without end is stopped by its time limit, and this
     * bounds the memory it takes meanwhile. Reads beyond it mark nothing.
     */
    private static final int MAX_READS = 1 << 22;

    private final List<Value> values = new ArrayList<>();
    private final Map<Value, Integer> numbers = new IdentityHashMap<>();
    /** By number: the string a value reads as, escaped as the output has it (null if never read). */
    private final List<String> escaped = new ArrayList<>();
    /** The marks {@link #marked} put in: where each starts in its result, and its length. */
    private final List<int[]> insertions = new ArrayList<>();
    /** Each read: the output's length then (high half) and the value's number (low half). */
    private long[] reads = new long[64];
    private int readCount;
    /** The values already read at the output's current length: a loop that only compares notes each once. */
    private final BitSet readHere = new BitSet();
    private int here = -1;
    private final TemplateRunner.Output output;

    /** A table for a run writing to {@code output}; null notes no string reads (only text marks). */
    SourceTable(TemplateRunner.Output output) {
        this.output = output;
    }

    /** The number of {@code value}, the same each time it is shown. */
    int number(Value value) {
        return numbers.computeIfAbsent(value, v -> {
            values.add(v);
            return values.size() - 1;
        });
    }

    /** The mark that names {@code value} in the output. */
    String mark(Value value) {
        return mark(number(value));
    }

    private static String mark(int number) {
        return "<?src " + number + "?>";
    }

    /** The value a mark's data names; empty for data no run wrote (a template may write any). */
    Optional<Value> value(String data) {
        try {
            int n = Integer.parseInt(data.strip());
            return n >= 0 && n < values.size() ? Optional.of(values.get(n)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The template is reading {@code value}'s string {@code text}; it may be about to write it. */
    void read(Value value, String text) {
        Environment env = Environment.getCurrentEnvironment();
        // Output captured into a variable (<#assign x>...</#assign>) goes elsewhere: it is not followed.
        if (output == null || env == null || env.getOut() != output) {
            return;
        }
        int position = output.length();
        int n = number(value);
        if (position != here) {
            here = position;
            readHere.clear();
        }
        if (readHere.get(n) || readCount == MAX_READS) {
            return;
        }
        readHere.set(n);
        while (escaped.size() <= n) {
            escaped.add(null);
        }
        if (escaped.get(n) == null) {
            escaped.set(n, XMLOutputFormat.INSTANCE.escapePlainText(text));
        }
        if (readCount == reads.length) {
            reads = Arrays.copyOf(reads, reads.length * 2);
        }
        reads[readCount++] = (long) position << 32 | n;
    }

    /**
     * {@code xml}, the run's output, with the mark of each string value read where that string was
     * written next: in text, right before it; in a tag's attribute, right before the tag (the
     * markup reader gives such marks to the element). A read that was not followed by its string
     * (a comparison, a transformed value) leaves no mark.
     */
    String marked(String xml) {
        StringBuilder out = new StringBuilder(xml.length() + readCount * 12);
        Context context = new Context(xml);
        int copied = 0;
        for (int i = 0; i < readCount; i++) {
            int position = (int) (reads[i] >>> 32);
            int number = (int) reads[i];
            if (position < copied || position > xml.length() || !xml.startsWith(escaped.get(number), position)) {
                continue;
            }
            int at = context.placeFor(position);
            if (at < copied) {
                continue;
            }
            out.append(xml, copied, at);
            insertions.add(new int[] {out.length(), mark(number).length()});
            out.append(mark(number));
            copied = at;
        }
        return out.append(xml, copied, xml.length()).toString();
    }

    /** Where {@code offset} of the text {@link #marked} returned stood in the output as written. */
    int unmarked(int offset) {
        int raw = offset;
        for (int[] insertion : insertions) {
            if (insertion[0] >= offset) {
                break;
            }
            raw -= Math.min(insertion[1], offset - insertion[0]);
        }
        return raw;
    }

    /** Where a mark may go for a position of the output, found by reading the XML up to it once. */
    private static final class Context {
        private enum State { TEXT, TAG, COMMENT, CDATA, INSTRUCTION, DECLARATION }

        private final String xml;
        private int scanned;
        private State state = State.TEXT;
        private int tagStart;
        private char quote;

        Context(String xml) {
            this.xml = xml;
        }

        /** {@code position} in text, the start of the tag it is inside, or -1 (a comment, CDATA, ...). */
        int placeFor(int position) {
            while (scanned < position) {
                step();
            }
            return switch (state) {
                case TEXT -> position;
                case TAG -> tagStart;
                default -> -1;
            };
        }

        private void step() {
            char c = xml.charAt(scanned);
            switch (state) {
                case TEXT -> {
                    if (c == '<') {
                        state = xml.startsWith("<!--", scanned) ? State.COMMENT
                                : xml.startsWith("<![CDATA[", scanned) ? State.CDATA
                                : xml.startsWith("<?", scanned) ? State.INSTRUCTION
                                : xml.startsWith("<!", scanned) ? State.DECLARATION : State.TAG;
                        tagStart = scanned;
                        quote = 0;
                        scanned += switch (state) {
                            case COMMENT -> 4;
                            case CDATA -> 9;
                            case INSTRUCTION, DECLARATION -> 2;
                            default -> 1;
                        };
                        return;
                    }
                }
                case TAG -> {
                    if (quote != 0) {
                        quote = c == quote ? 0 : quote;
                    } else if (c == '"' || c == '\'') {
                        quote = c;
                    } else if (c == '>') {
                        state = State.TEXT;
                    }
                }
                case COMMENT -> end("-->");
                case CDATA -> end("]]>");
                case INSTRUCTION -> end("?>");
                case DECLARATION -> {
                    if (c == '>') {
                        state = State.TEXT;
                    }
                }
            }
            scanned++;
        }

        private void end(String closing) {
            if (xml.startsWith(closing, scanned)) {
                state = State.TEXT;
                scanned += closing.length() - 1;
            }
        }
    }
}
