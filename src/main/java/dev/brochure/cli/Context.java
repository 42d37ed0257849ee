package dev.brochure.cli;

import dev.brochure.diag.Diagnostic;
import dev.brochure.pipeline.Pipeline;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What commands share within one invocation: the output streams and the pipeline. */
record Context(PrintWriter out, PrintWriter err, Pipeline pipeline) {

    /** The longest message and hint printed; what a template or a file put into them may be huge. */
    static final int MAX_MESSAGE = 1000;
    static final int MAX_HINT = 500;
    /**
     * Standard output and error (UTF-8) and a pipeline over the process's environment and working
     * folder: they enter here, and only here (the pipeline's builds read SOURCE_DATE_EPOCH and the
     * cache folder from it, and show paths relative to the working folder).
     */
    static Context system() {
        return new Context(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                new Pipeline(System.getenv(), java.nio.file.Path.of("").toAbsolutePath()));
    }

    void report(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            err.println(bounded(d).format());
        }
        err.flush();
    }

    /** The diagnostic with its message and hint cut to a readable length, saying how much was cut. */
    static Diagnostic bounded(Diagnostic d) {
        String hint = d.hint() == null ? null : cut(d.hint(), MAX_HINT);
        return new Diagnostic(d.severity(), d.where(), cut(d.message(), MAX_MESSAGE), hint);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text
                : text.substring(0, max) + "... [" + (text.length() - max) + " more characters]";
    }
}
