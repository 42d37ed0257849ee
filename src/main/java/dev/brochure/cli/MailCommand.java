package dev.brochure.cli;

import dev.brochure.mail.Mail;
import dev.brochure.mail.MailListener;
import dev.brochure.mail.MailRequest;
import dev.brochure.mail.MailResult;
import dev.brochure.mail.Password;
import dev.brochure.mail.SmtpSettings;
import dev.brochure.pipeline.OutputProfile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code brochure mail}: each recipient's copy attached to a message; a dry run unless {@code --send}. */
@Command(name = "mail", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"E-mail each recipient their personalised brochure.",
                "Without --send: a dry run, each message written to OUT/mail/*.eml, nothing sent.",
                "With --send: sent over SMTP, every step recorded in OUT/mail/ledger.jsonl, so that a run "
                        + "after an interruption sends nobody a second copy and skips nobody."})
final class MailCommand extends Subcommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ContentOptions content;

    @Option(names = "--recipients", paramLabel = "FILE", required = true,
            description = "The recipients: CSV with a header row, or a YAML list; needs an 'email' column.")
    Path recipients;

    @Option(names = "--message", paramLabel = "FILE", required = true,
            description = "The message template: 'Subject: ...' on the first line, the plain-text body, "
                    + "optionally a line '--- html ---' and the HTML body (Freemarker, ${recipient.field}).")
    Path message;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Output folder: copies in DIR/batch, messages and ledger in DIR/mail (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--from", paramLabel = "ADDRESS", required = true,
            description = "The sender, e.g. 'Admissions <admissions@example.org>'.")
    String from;

    @Option(names = "--send", description = "Send the messages (without it: a dry run).")
    boolean send;

    @Option(names = "--smtp", paramLabel = "URL",
            description = "smtp://[user@]host[:587] (STARTTLS required) or smtps://[user@]host[:465] (TLS).")
    String smtp;

    @Option(names = "--insecure", description = "Allow smtp:// without encryption (a local test server only).")
    boolean insecure;

    @Option(names = "--password-env", paramLabel = "NAME",
            description = "The environment variable holding the SMTP password.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file holding the SMTP password on its first line.")
    Path passwordFile;

    @Option(names = "--rate", paramLabel = "N/min", converter = RateConverter.class,
            description = "At most N messages per minute (e.g. 30/min).")
    Double rate;

    @Option(names = "--resend",
            description = "Send again to recipients the ledger has as sent or sending (with --only: just those).")
    boolean resend;

    @Option(names = "--only", paramLabel = "ADDRESS",
            description = "Only the recipients with this address (repeatable).")
    List<String> only;

    @Option(names = "--mark-sent", paramLabel = "ADDRESS",
            description = "With --send: this recipient, left in sending, did get the message; record it as sent "
                    + "(repeatable).")
    List<String> markSent;

    @Option(names = "--profile", paramLabel = "screen|print|email", defaultValue = "screen",
            description = "Output profile of every copy (default: ${DEFAULT-VALUE}).")
    OutputProfile profile;

    @Option(names = "--max-size", paramLabel = "SIZE", converter = Sizes.class,
            description = "Size budget of each copy, and the largest attachment (default: 10 MB).")
    Long maxSize;

    @Option(names = "--jobs", paramLabel = "N", description = "Copies built at once (default: the number of cores).")
    Integer jobs;

    /** {@code N/min}, or a bare number of messages per minute. */
    static final class RateConverter implements ITypeConverter<Double> {
        private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*min)?",
                Pattern.CASE_INSENSITIVE);

        @Override
        public Double convert(String value) {
            Matcher m = RATE.matcher(value.strip());
            if (!m.matches() || Double.parseDouble(m.group(1)) <= 0) {
                throw new TypeConversionException("'" + value + "' is no rate; write messages per minute, e.g. 30/min");
            }
            return Double.parseDouble(m.group(1));
        }
    }

    @Override
    public Integer call() {
        if (passwordEnv != null && passwordFile != null) {
            throw usageError("give the password with --password-env or --password-file, not both");
        }
        if (send && smtp == null) {
            throw usageError("--send needs --smtp URL, e.g. smtp://user@mail.example.org:587");
        }
        if (markSent != null && !send) {
            throw usageError("--mark-sent writes the send ledger; use it with --send");
        }
        if (jobs != null && (jobs < 1 || jobs > 256)) {
            throw usageError("--jobs takes 1 to 256");
        }
        MailRequest request = MailRequest.dryRun(content.request(out.resolve("unused.pdf")).withProfile(profile, false)
                        .withMaxSize(maxSize == null ? 0 : maxSize), recipients, message, out, from)
                .withRate(rate == null ? 0 : rate)
                .withResend(resend, only == null ? Set.of() : Set.copyOf(only))
                .withMaxAttachment(maxSize == null ? MailRequest.DEFAULT_MAX_ATTACHMENT : maxSize)
                .withJobs(jobs == null ? Runtime.getRuntime().availableProcessors() : jobs)
                .withDate(dryRunDate())
                .withMarkSent(markSent == null ? Set.of() : Set.copyOf(markSent));
        if (send) {
            Password password = passwordEnv != null ? Password.fromEnvironment(passwordEnv, System::getenv)
                    : passwordFile != null ? Password.fromFile(passwordFile) : null;
            request = request.sending(SmtpSettings.parse(smtp, insecure, password));
        }
        MailListener lines = new MailListener() {
            @Override
            public void building() {
                context().out().println("mail: building the copies");
                context().out().flush();
            }

            @Override
            public void finished(int line, String address, String what) {
                context().out().printf(Locale.ROOT, "mail: line %d, %s: %s%n", line, address, what);
                context().out().flush();
            }
        };
        MailResult result;
        try (Progress display = Progress.lines(context().out())) {
            result = Mail.run(context().pipeline(), request, lines, display);
        }
        context().report(result.warnings());
        for (MailResult.Failure f : result.failures()) {
            context().report(f.errors());
        }
        for (MailResult.Failure f : result.undecided()) {
            context().report(f.errors());
        }
        if (result.sent()) {
            context().out().printf(Locale.ROOT, "mail: %d sent, %d already sent, %d left in sending, %d failed; ledger %s%n",
                    result.sentNow(), result.alreadySent(), result.undecided().size(), result.failures().size(),
                    result.ledger());
        } else {
            context().out().printf(Locale.ROOT, "mail: dry run: %d messages written to %s, %d already sent, %d failed; "
                            + "nothing was sent (add --send to send)%n", result.written(), result.mailDir(),
                    result.alreadySent(), result.failures().size());
        }
        context().out().flush();
        if (!result.undecided().isEmpty()) {
            context().err().println("left in sending, for you to decide (their message may have been delivered):");
            result.undecided().forEach(f -> context().err().printf(Locale.ROOT, "  line %d: %s%n", f.line(), f.address()));
        }
        if (!result.failures().isEmpty()) {
            context().err().println(result.failures().size() == 1 ? "1 recipient failed:"
                    : result.failures().size() + " recipients failed:");
            result.failures().forEach(f -> context().err().printf(Locale.ROOT, "  line %d: %s%n", f.line(), f.address()));
        }
        context().err().flush();
        return result.ok() ? ExitCode.OK : ExitCode.USER_ERROR;
    }

    /** The Date of a dry run's messages: SOURCE_DATE_EPOCH when set (reproducible output), else now. */
    private static Instant dryRunDate() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch));
        }
        return null;
    }
}
