package dev.brochure.layout;

import dev.brochure.vocab.SourceLocation;
import freemarker.core.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in which template each part of a run's output was written, so that a problem the markup
 * reader finds in the output is reported at the template's own line and column, not at a line
 * of the output (which changes with every loop pass).
 *
 * <p>While the template runs, each write that may start a tag ({@code <}) asks Freemarker's
 * environment for the instruction being executed ({@link Environment#outputInstructionStack}, its
 * public account of the running template) and notes its template, line and column. A tag written
 * by static template text is placed exactly (the text is the template's own, counted from where
 * it starts); one written by an interpolation at that interpolation.
 */
final class TemplateOrigins {

    /** The innermost instruction: {@code - Failed at: <what>  [in template "name" at line L, column C]}. */
    private static final Pattern TOP = Pattern.compile(
            "- Failed at: (.*?)\\s+\\[in template \"((?:[^\"\\\\]|\\\\.)*)\" at line (\\d+), column (\\d+)]");

    /**
     * The most places noted for one run: asking Freemarker costs microseconds, so a run that
     * writes millions of tags (stopped by the output limit) is not slowed; past this, problems
     * are reported at the template file.
     */
    static final int MAX_PLACES = 20_000;

    private int count;
    private int[] starts = new int[16];
    private String[] templates = new String[16];
    private int[] lines = new int[16];
    private int[] columns = new int[16];
    private boolean[] literal = new boolean[16];

    /** Notes that output from {@code position} on comes from the instruction running now. */
    void wrote(int position) {
        Environment env = Environment.getCurrentEnvironment();
        if (env == null || count == MAX_PLACES) {
            return;
        }
        StringWriter stack = new StringWriter();
        env.outputInstructionStack(new PrintWriter(stack));
        Matcher m = TOP.matcher(stack.toString());
        if (!m.find()) {
            return;
        }
        if (count == starts.length) {
            int n = count * 2;
            starts = Arrays.copyOf(starts, n);
            templates = Arrays.copyOf(templates, n);
            lines = Arrays.copyOf(lines, n);
            columns = Arrays.copyOf(columns, n);
            literal = Arrays.copyOf(literal, n);
        }
        starts[count] = position;
        templates[count] = m.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
        lines[count] = Integer.parseInt(m.group(3));
        columns[count] = Integer.parseInt(m.group(4));
        literal[count] = m.group(1).startsWith("text \"");
        count++;
    }

    /**
     * The template place of {@code offset} in the output as written ({@code raw});
     * {@code display} turns a template name into the name diagnostics show.
     */
    Optional<SourceLocation> at(int rawOffset, String raw, Function<String, String> display) {
        int i = Arrays.binarySearch(starts, 0, count, rawOffset);
        if (i < 0) {
            i = -i - 2;
        }
        if (i < 0 || rawOffset < 0 || rawOffset > raw.length() || (count == MAX_PLACES && i == count - 1)) {
            return Optional.empty();
        }
        int line = lines[i];
        int column = columns[i];
        if (literal[i]) {
            for (int p = starts[i]; p < rawOffset; p++) {
                if (raw.charAt(p) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
        }
        return Optional.of(new SourceLocation(display.apply(templates[i]), line, column));
    }
}
