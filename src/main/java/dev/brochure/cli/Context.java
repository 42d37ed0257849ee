package dev.brochure.cli;

import dev.brochure.diag.Diagnostic;
import dev.brochure.pipeline.Pipeline;
import java.io.PrintWriter;
import java.util.List;

/** What commands share within one invocation: the output streams and the pipeline. */
record Context(PrintWriter out, PrintWriter err, Pipeline pipeline) {

    void report(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            err.println(d.format());
        }
        err.flush();
    }
}
