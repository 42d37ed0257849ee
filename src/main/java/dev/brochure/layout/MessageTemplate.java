package dev.brochure.layout;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.vocab.Recipient;
import dev.brochure.vocab.SourceLocation;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.ParseException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.SimpleHash;
import freemarker.template.SimpleScalar;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The e-mail message of {@code brochure mail}: a Freemarker template file in three parts, run in
 * the layouts' sandbox ({@link TemplateConfig#forMessages}) for each recipient.
 *
 * <pre>
 * Subject: Your brochure, ${recipient.first_name}
 *
 * Dear ${recipient.first_name},
 * (the plain-text body)
 * --- html ---
 * &lt;p&gt;Dear ${recipient.first_name},&lt;/p&gt;   (optional: the HTML body)
 * </pre>
 *
 * The first line is the subject; the lines after it up to a line {@code --- html ---} are the
 * plain-text body; the lines after that line, if there is one, the HTML body. Templates see the
 * recipient's fields as {@code recipient.<field>}, as layouts do; an empty field is missing
 * (write {@code ${recipient.title!""}} for an optional one). Values are escaped for where they
 * go: HTML-escaped in the HTML body, and in the subject every line break becomes a space, so no
 * field can add a header. The parts are split before Freemarker runs, so a field's value can
 * never move text from one part to another.
 */
public final class MessageTemplate {

    /** The line that starts the HTML body. */
    public static final String HTML_MARKER = "--- html ---";
    /** A message template is a few paragraphs; this bounds a wrong file (as layout templates are bounded). */
    public static final long MAX_BYTES = 256 * 1024;

    private static final Pattern SUBJECT = Pattern.compile("(?i)subject:[ \\t]*");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n\\u0085\\u2028\\u2029]+\\s*");
    private static final String FORMAT_HINT = "the first line is 'Subject: ...', then the plain-text body, "
            + "then optionally a line '" + HTML_MARKER + "' and the HTML body";

    /** A message as one recipient receives it: subject, plain text, and the HTML body or null. */
    public record Text(String subject, String plain, String html) {
    }

    /**
     * One part's template. Its source is preceded by a comment holding as many line breaks as
     * lines come before it in the file, so Freemarker's line numbers are the file's; on the
     * part's first line, Freemarker's columns are {@code shift} more than the file's.
     */
    private record Part(Template template, int firstLine, int shift) {
        SourceLocation where(String name, Integer line, Integer column) {
            int l = line == null ? 0 : line;
            int c = column == null ? 0 : column;
            return new SourceLocation(name, l, l == firstLine && c > 0 ? Math.max(1, c - shift) : c);
        }
    }

    private final String name;
    private final Part subject;
    private final Part plain;
    private final Part html;
    private final TemplateRunner.Limits limits;
    /** The threads its parts run on (one message per recipient: they are reused). */
    private final TemplateRunner.Workers workers = new TemplateRunner.Workers();

    private MessageTemplate(String name, Part subject, Part plain, Part html, TemplateRunner.Limits limits) {
        this.name = name;
        this.subject = subject;
        this.plain = plain;
        this.html = html;
        this.limits = limits;
    }

    /** Reads and compiles the message file, named as written; a file that cannot be used is a {@link BrochureException}. */
    public static MessageTemplate load(Path file) {
        return load(file, null);
    }

    /** As {@link #load(Path)}, the file named in messages relative to {@code root} (see {@link SourceLocation#display}). */
    public static MessageTemplate load(Path file, Path root) {
        String name = SourceLocation.display(file, root);
        String source;
        try {
            if (Files.isDirectory(file)) {
                throw BrochureException.of(SourceLocation.of(name), "the message file is a folder",
                        "give the message template file with --message");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw BrochureException.of(SourceLocation.of(name), "the message file is larger than "
                        + MAX_BYTES / 1024 + " KB", "a message is a few paragraphs; the brochure is the attachment");
            }
            source = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw BrochureException.of(SourceLocation.of(name), "message file not found",
                    "check the path given with --message");
        } catch (CharacterCodingException e) {
            throw BrochureException.of(SourceLocation.of(name), "the message file is not UTF-8 text",
                    "save it as UTF-8");
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(name), "cannot read the message file: " + e.getMessage(), null);
        }
        return of(name, source, TemplateRunner.Limits.DEFAULT);
    }

    /** Compiles a message template's text; {@code name} names it in messages. */
    static MessageTemplate of(String name, String source, TemplateRunner.Limits limits) {
        if (source.startsWith("\uFEFF")) {
            source = source.substring(1);
        }
        List<String> lines = source.lines().toList();
        var first = lines.isEmpty() ? null : SUBJECT.matcher(lines.getFirst());
        if (first == null || !first.lookingAt()) {
            throw BrochureException.of(new SourceLocation(name, 1, 1), "the message must begin with a line 'Subject: ...'",
                    FORMAT_HINT);
        }
        int marker = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(HTML_MARKER)) {
                marker = i;
                break;
            }
        }
        int plainEnd = marker < 0 ? lines.size() : marker;
        Configuration cfg = TemplateConfig.forMessages();
        List<Diagnostic> errors = new ArrayList<>();
        Part subject = compile(cfg, name, 1, first.end(), lines.getFirst().substring(first.end()),
                PlainTextOutputFormat.INSTANCE, errors);
        Part plain = compile(cfg, name, 2, 0, String.join("\n", lines.subList(1, plainEnd)),
                PlainTextOutputFormat.INSTANCE, errors);
        Part html = marker < 0 ? null : compile(cfg, name, marker + 2, 0,
                String.join("\n", lines.subList(marker + 1, lines.size())), HTMLOutputFormat.INSTANCE, errors);
        if (!errors.isEmpty()) {
            throw new BrochureException(errors);
        }
        if (lines.subList(1, plainEnd).stream().allMatch(String::isBlank)) {
            throw BrochureException.of(new SourceLocation(name, 2, 1), "the message has no plain-text body", FORMAT_HINT);
        }
        return new MessageTemplate(name, subject, plain, html, limits);
    }

    /** A part's template; {@code column} is where the part begins on its first line (0: at its start). */
    private static Part compile(Configuration cfg, String name, int firstLine, int column, String part,
            OutputFormat format, List<Diagnostic> errors) {
        String prefix = "<#--" + "\n".repeat(firstLine - 1) + "-->";
        int onFirstLine = prefix.length() - prefix.lastIndexOf('\n') - 1;
        Part compiled = new Part(null, firstLine, onFirstLine - column);
        try {
            return new Part(TemplateConfig.parse(cfg, name, prefix + part, format), firstLine, compiled.shift());
        } catch (ParseException e) {
            errors.add(Diagnostic.error(compiled.where(name, e.getLineNumber(), e.getColumnNumber()),
                    "message template syntax error: " + firstLine(e.getEditorMessage()),
                    "see the Freemarker manual for directive syntax"));
            return null;
        } catch (IOException e) {
            errors.add(Diagnostic.error(SourceLocation.of(name), "cannot read the message template: " + e.getMessage(),
                    null));
            return null;
        }
    }

    /** Whether the message has an HTML body. */
    public boolean hasHtml() {
        return html != null;
    }

    /**
     * The message for {@code recipient}. A template error (a field the record leaves empty, say)
     * is a {@link BrochureException} located in the message file and naming the record's line.
     */
    public Text render(Recipient recipient) {
        Map<String, TemplateModel> fields = new LinkedHashMap<>();
        recipient.fields().keySet().stream().filter(recipient::has)
                .forEach(f -> fields.put(f, new SimpleScalar(recipient.get(f))));
        Map<String, Object> root = Map.of("recipient", new SimpleHash(fields, null));
        String subjectText = LINE_BREAKS.matcher(run(subject, root, recipient)).replaceAll(" ").strip();
        if (subjectText.isEmpty()) {
            throw BrochureException.of(new SourceLocation(name, 1, 1), "the subject is empty for the record at "
                    + recipient.where(), "give the record the fields the subject shows, or write a fixed subject");
        }
        String plainText = trimBlankLines(run(plain, root, recipient));
        String htmlText = html == null ? null : trimBlankLines(run(html, root, recipient));
        return new Text(subjectText, plainText, htmlText);
    }

    private String run(Part part, Map<String, Object> root, Recipient recipient) {
        try {
            return TemplateRunner.run(part.template(), root, limits, workers);
        } catch (TemplateRunner.Stopped e) {
            throw BrochureException.of(SourceLocation.of(name), e.getMessage().replace("the layout", "the message")
                    + " for the record at " + recipient.where(), e.hint);
        } catch (TemplateException e) {
            throw BrochureException.of(part.where(name, e.getLineNumber(), e.getColumnNumber()),
                    "the message failed for the record at " + recipient.where() + ": " + LayoutEngine.summary(e),
                    e.getBlamedExpressionString() == null ? null : "check '" + e.getBlamedExpressionString()
                            + "'; give the record a value, or write ${...!\"\"} for an optional field");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Lines ending with {@code \n}, none blank at either end, trailing spaces kept. */
    private static String trimBlankLines(String text) {
        List<String> lines = new ArrayList<>(text.replace("\r\n", "\n").replace('\r', '\n').lines().toList());
        while (!lines.isEmpty() && lines.getFirst().isBlank()) {
            lines.removeFirst();
        }
        while (!lines.isEmpty() && lines.getLast().isBlank()) {
            lines.removeLast();
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        return message.strip().lines().findFirst().orElse(message);
    }
}
