package dev.brochure.mail;

import dev.brochure.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * What a mail run did: for a dry run, the messages written; for a send, those sent now, those the
 * ledger already had as sent, those left for a person to decide (in {@code sending}: the process
 * or connection died during their transaction), and those that failed, each with its line and
 * why; the warnings of the copies; the ledger (null for a dry run).
 */
public record MailResult(boolean sent, int written, int sentNow, int alreadySent, List<Failure> undecided,
        List<Failure> failures, List<Diagnostic> warnings, Path mailDir, Path ledger) {

    public MailResult {
        undecided = List.copyOf(undecided);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    /** A recipient not sent to (or not known to be): its line, its address as written, and why. */
    public record Failure(int line, String address, List<Diagnostic> errors) {
        public Failure {
            errors = List.copyOf(errors);
        }
    }

    /** Whether anything needs attention: a failure, or a recipient in {@code sending}. */
    public boolean ok() {
        return failures.isEmpty() && undecided.isEmpty();
    }
}
