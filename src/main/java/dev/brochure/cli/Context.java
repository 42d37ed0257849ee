package dev.brochure.cli;

import dev.brochure.diag.Diagnostic;
import dev.brochure.pipeline.Pipeline;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What commands share within one invocation: the output streams and the pipeline. */
record Context(PrintWriter out, PrintWriter err, Pipeline pipeline) {

    /** Standard output and error (UTF-8) and a pipeline over the process's environment. */
    static Context system() {
        return new Context(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), new Pipeline());
    }

    void report(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            err.println(d.format());
        }
        err.flush();
    }
}
