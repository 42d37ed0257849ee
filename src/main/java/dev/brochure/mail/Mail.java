package dev.brochure.mail;

import dev.brochure.diag.BrochureException;
import dev.brochure.diag.Diagnostic;
import dev.brochure.layout.MessageTemplate;
import dev.brochure.pipeline.AtomicOutput;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.pipeline.batch.Batch;
import dev.brochure.pipeline.batch.BatchListener;
import dev.brochure.pipeline.batch.BatchRequest;
import dev.brochure.pipeline.batch.BatchResult;
import dev.brochure.pipeline.batch.MadeCopies;
import dev.brochure.recipients.RecipientsFile;
import dev.brochure.recipients.RecipientsReader;
import dev.brochure.vocab.SourceLocation;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code brochure mail}: each recipient's personalised copy, attached to a message made from the
 * message template, written as {@code .eml} files (a dry run) or sent over SMTP.
 *
 * <ol>
 * <li>The recipients file is read with the batch's reader; it needs an e-mail column. The message
 * template and the sender's address are checked.</li>
 * <li>The copies are built by {@link Batch} into {@code out/batch/} (copies already there and up
 * to date are kept), exactly as {@code brochure batch} builds them.</li>
 * <li>Each record is checked: its address, its copy (built, and no larger than the attachment
 * budget), its message. A record with a problem fails alone, listed with its line.</li>
 * <li>A dry run writes each message to {@code out/mail/<copy>.eml}. A send goes through the
 * ledger ({@link Ledger}): a recipient already sent to is skipped, one left in {@code sending} is
 * reported for a person to decide, the others are sent one by one, each marked {@code sending}
 * before its SMTP transaction and {@code sent} or {@code failed} after it.</li>
 * </ol>
 */
public final class Mail {

    private Mail() {
    }

    /** A record ready to go: its row, its address, its copy, and its message text. */
    private record Ready(RecipientsFile.Row row, InternetAddress to, Path pdf, MessageTemplate.Text text) {
        String copy() {
            return pdf.getFileName().toString();
        }
    }

    public static MailResult run(Pipeline pipeline, MailRequest request, MailListener listener,
            BatchListener batchListener) {
        RecipientsFile recipients = RecipientsReader.read(request.recipients(), pipeline.displayRoot());
        String field = Addresses.field(recipients);
        MessageTemplate template = MessageTemplate.load(request.message(), pipeline.displayRoot());
        InternetAddress from = from(request.from());
        Set<String> only = request.only().stream().map(a -> a.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());

        listener.building();
        BatchResult built = Batch.run(pipeline, BatchRequest.of(request.build(), request.recipients(),
                request.copiesDir()).withJobs(request.jobs()), batchListener);
        Map<Integer, MadeCopies.Made> copies = MadeCopies.byRecord(built);
        Map<Integer, List<Diagnostic>> buildFailures = MadeCopies.failuresByLine(built);

        Set<String> known = recipients.rows().stream().map(r -> r.recipient().get(field).strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (Set<String> named : List.of(only, request.markSent())) {
            List<String> unknown = named.stream().map(a -> a.strip().toLowerCase(Locale.ROOT))
                    .filter(a -> !known.contains(a)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw BrochureException.of(SourceLocation.of(recipients.displayName()), "no record has the address "
                        + String.join(", ", unknown), "--only and --mark-sent name addresses of the recipients file");
            }
        }
        List<MailResult.Failure> failures = new ArrayList<>();
        List<Ready> ready = new ArrayList<>();
        for (RecipientsFile.Row row : recipients.rows()) {
            String written = row.recipient().get(field);
            if (!only.isEmpty() && !only.contains(written.strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<Diagnostic> problems = new ArrayList<>();
            Addresses.Checked address = row.readable() ? Addresses.check(row.recipient(), field) : null;
            if (address != null && address.problem() != null) {
                problems.add(address.problem());
            }
            MadeCopies.Made copy = copies.get(row.number());
            if (copy == null || !copy.ok() || copy.pdf() == null) {
                problems.addAll(buildFailures.getOrDefault(row.line(), List.of(Diagnostic.error(row.recipient().where(),
                        "the record's copy was not built", null))));
            } else {
                sizeProblem(copy.pdf(), request.maxAttachment(), row).ifPresent(problems::add);
            }
            MessageTemplate.Text text = null;
            if (row.readable()) {
                try {
                    text = template.render(row.recipient());
                } catch (BrochureException e) {
                    problems.addAll(e.diagnostics());
                }
            }
            if (!problems.isEmpty()) {
                failures.add(new MailResult.Failure(row.line(), written, problems));
                listener.finished(row.line(), written, "failed");
                continue;
            }
            ready.add(new Ready(row, address.address().orElseThrow(), copy.pdf(), text));
        }
        return request.send() ? send(request, ready, from, failures, built, listener)
                : dryRun(request, ready, from, failures, built, listener, pipeline.displayRoot());
    }

    private static MailResult dryRun(MailRequest request, List<Ready> ready, InternetAddress from,
            List<MailResult.Failure> failures, BatchResult built, MailListener listener, Path root) {
        AtomicOutput output = new AtomicOutput(root);
        Session session = Session.getInstance(new Properties());
        Path ledgerFile = request.mailDir().resolve(Ledger.FILE);
        Map<String, Ledger.Standing> standing = Ledger.standings(ledgerFile);
        int written = 0;
        int alreadySent = 0;
        Set<String> writtenNames = new java.util.HashSet<>();
        for (Ready r : ready) {
            Ledger.Standing s = standing.get(Ledger.key(r.to().getAddress(), r.copy()));
            if (s != null && s.last().status().equals(Ledger.SENT) && !request.resend()) {
                alreadySent++;
                listener.finished(r.row().line(), r.to().getAddress(), "already sent");
                continue;
            }
            byte[] pdf = read(r.pdf());
            int before = s == null ? 0 : s.mayHaveReached();
            String id = Composer.messageId(r.to().getAddress(), sha256(pdf), r.text(), before, from);
            Date date = Date.from(request.date() == null ? Instant.now() : request.date());
            MimeMessage message = Composer.compose(session, new Composer.Parts(from, r.to(), r.text(), pdf, r.copy(), id,
                    date));
            Path eml = request.mailDir().resolve(emlName(r.copy()));
            output.write(eml, out -> {
                try {
                    message.writeTo(out);
                } catch (MessagingException e) {
                    throw new IOException("cannot write the message: " + e.getMessage(), e);
                }
            });
            written++;
            writtenNames.add(eml.getFileName().toString());
            listener.finished(r.row().line(), r.to().getAddress(), "written to " + SourceLocation.display(eml, root));
        }
        removeOtherMessages(request.mailDir(), writtenNames);
        return new MailResult(false, written, 0, alreadySent, List.of(), failures, built.warnings(), request.mailDir(),
                null);
    }

    private static MailResult send(MailRequest request, List<Ready> ready, InternetAddress from,
            List<MailResult.Failure> failures, BatchResult built, MailListener listener) {
        Path ledgerFile = request.mailDir().resolve(Ledger.FILE);
        List<MailResult.Failure> undecided = new ArrayList<>();
        int sentNow = 0;
        int alreadySent = 0;
        MailRequest.Retry retry = request.retry();
        Throttle throttle = Throttle.perMinute(request.perMinute());
        int downInARow = 0;
        Set<String> marked = request.markSent().stream().map(a -> a.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        try (Ledger ledger = Ledger.open(ledgerFile); SmtpSender sender = new SmtpSender(request.smtp())) {
            for (Ready r : ready) {
                Ledger.Standing s = ledger.standing(Ledger.key(r.to().getAddress(), r.copy()));
                if (marked.contains(r.to().getAddress().toLowerCase(Locale.ROOT))
                        && (s == null || !s.last().status().equals(Ledger.SENDING))) {
                    throw BrochureException.of(r.row().recipient().where(), "--mark-sent names " + r.to().getAddress()
                            + ", whom the ledger has " + (s == null ? "never seen" : "as " + s.last().status()),
                            "--mark-sent settles only a recipient left in sending; nothing was sent");
                }
            }
            for (Ready r : ready) {
                String address = r.to().getAddress();
                SourceLocation where = r.row().recipient().where();
                String key = Ledger.key(address, r.copy());
                Ledger.Standing s = ledger.standing(key);
                String last = s == null ? null : s.last().status();
                if (Ledger.SENT.equals(last) && !request.resend()) {
                    alreadySent++;
                    listener.finished(r.row().line(), address, "already sent");
                    continue;
                }
                if (Ledger.SENDING.equals(last) && marked.contains(address.toLowerCase(Locale.ROOT))) {
                    ledger.append(new Ledger.Entry(address, r.copy(), r.row().line(), s.last().messageId(),
                            s.last().sha256(), Instant.now(), Ledger.SENT, "marked sent by hand (--mark-sent)"));
                    alreadySent++;
                    listener.finished(r.row().line(), address, "marked sent");
                    continue;
                }
                if (Ledger.SENDING.equals(last) && !request.resend()) {
                    undecided.add(new MailResult.Failure(r.row().line(), address, List.of(Diagnostic.error(where,
                            address + " may or may not have received " + s.last().messageId() + ": its SMTP transaction "
                                    + "was under way at " + s.last().time() + " when the run stopped",
                            "ask the recipient or look in the server's log; if it arrived: --mark-sent " + address
                                    + "; to send it again: --resend --only " + address))));
                    listener.finished(r.row().line(), address, "left in sending");
                    continue;
                }
                if (downInARow >= retry.giveUpAfter()) {
                    failures.add(new MailResult.Failure(r.row().line(), address, List.of(Diagnostic.error(where,
                            "not tried: sending failed for " + downInARow + " recipients in a row",
                            "the server seems unavailable; run the same command again later: "
                                    + "who got a message is in the ledger and is not sent to twice"))));
                    listener.finished(r.row().line(), address, "not tried");
                    continue;
                }
                byte[] pdf = read(r.pdf());
                String sha = sha256(pdf);
                String id = Composer.messageId(address, sha, r.text(), s == null ? 0 : s.mayHaveReached(), from);
                SmtpSender.Attempt attempt = null;
                for (int i = 1; i <= retry.attempts(); i++) {
                    throttle.await();
                    MimeMessage message = Composer.compose(sender.session(), new Composer.Parts(from, r.to(), r.text(),
                            pdf, r.copy(), id, new Date()));
                    // Connected first: a server that cannot be reached, or refuses the login, has begun no transaction.
                    attempt = sender.connect();
                    if (attempt == null) {
                        ledger.append(entry(r, address, id, sha, Ledger.SENDING, null));
                        attempt = sender.send(message);
                    }
                    if (attempt.outcome() == SmtpSender.Outcome.UNKNOWN) {
                        break;  // left in sending: a person decides
                    }
                    boolean sent = attempt.outcome() == SmtpSender.Outcome.SENT;
                    ledger.append(entry(r, address, id, sha, sent ? Ledger.SENT : Ledger.FAILED, sent ? null
                            : attempt.reply()));
                    if (attempt.outcome() != SmtpSender.Outcome.TEMPORARY || i == retry.attempts()) {
                        break;
                    }
                    Thread.sleep(retry.backoff().multipliedBy(1L << (i - 1)).toMillis());
                }
                switch (attempt.outcome()) {
                    case SENT -> {
                        sentNow++;
                        downInARow = 0;
                        listener.finished(r.row().line(), address, "sent");
                    }
                    case PERMANENT -> {
                        downInARow = 0;
                        failures.add(new MailResult.Failure(r.row().line(), address, List.of(Diagnostic.error(where,
                                "the server refused the message to " + address + ": " + attempt.reply(),
                                "check the address; a run after it is corrected sends to the new address"))));
                        listener.finished(r.row().line(), address, "failed");
                    }
                    case TEMPORARY -> {
                        downInARow++;
                        failures.add(new MailResult.Failure(r.row().line(), address, List.of(Diagnostic.error(where,
                                "not sent after " + retry.attempts() + " attempts: " + attempt.reply(),
                                "run the same command again later; only those not yet sent are sent"))));
                        listener.finished(r.row().line(), address, "failed");
                    }
                    case UNKNOWN -> {
                        downInARow = 0;
                        undecided.add(new MailResult.Failure(r.row().line(), address, List.of(Diagnostic.error(where,
                                address + " may or may not have received " + id + ": " + attempt.reply(),
                                "ask the recipient or look in the server's log; if it arrived: --mark-sent "
                                        + address + "; to send it again: --resend --only " + address))));
                        listener.finished(r.row().line(), address, "left in sending");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BrochureException.of(SourceLocation.of(ledgerFile), "sending was interrupted",
                    "run the same command again: the ledger says who was sent what");
        }
        return new MailResult(true, 0, sentNow, alreadySent, undecided, failures, built.warnings(), request.mailDir(),
                ledgerFile);
    }

    /**
     * The folder shows the last dry run only: the messages of an earlier one that this one did not
     * write (a recipient since sent to, failed or removed) are deleted, so none is taken for one
     * still to be sent. The ledger is the record of what was sent.
     */
    private static void removeOtherMessages(Path folder, Set<String> written) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".eml") && !written.contains(name) && Files.isRegularFile(f)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(folder), "cannot tidy the messages of an earlier dry run: "
                    + e.getMessage(), null);
        }
    }

    private static Ledger.Entry entry(Ready r, String address, String id, String sha, String status, String error) {
        return new Ledger.Entry(address, r.copy(), r.row().line(), id, sha, Instant.now(), status, error);
    }

    /** {@code --from}: one address, checked strictly. */
    static InternetAddress from(String value) {
        SourceLocation where = SourceLocation.of("--from");
        if (value == null || value.isBlank()) {
            throw BrochureException.of(where, "no sender address", "give it with --from, e.g. --from 'Admissions <admissions@example.org>'");
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(value, true);
            if (parsed.length != 1) {
                throw BrochureException.of(where, "--from must be one address", null);
            }
            parsed[0].validate();
            if (!parsed[0].getAddress().contains("@")) {
                throw BrochureException.of(where, "'" + value + "' is not an e-mail address", "write it as name@example.org");
            }
            return parsed[0];
        } catch (AddressException e) {
            throw BrochureException.of(where, "'" + value + "' is not an e-mail address",
                    "write it as name@example.org or 'Name <name@example.org>'");
        }
    }

    private static java.util.Optional<Diagnostic> sizeProblem(Path pdf, long max, RecipientsFile.Row row) {
        try {
            long size = Files.size(pdf);
            if (size > max) {
                return java.util.Optional.of(Diagnostic.error(row.recipient().where(), String.format(Locale.ROOT,
                        "the copy %s is %.1f MB, more than the %.1f MB a message may carry", pdf.getFileName(),
                        size / 1048576.0, max / 1048576.0),
                        "make the copies smaller with --profile email, or set a budget with --max-size (e.g. 8MB)"));
            }
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.of(Diagnostic.error(row.recipient().where(), "cannot read the copy "
                    + pdf + ": " + e.getMessage(), "run again to build it anew"));
        }
    }

    private static byte[] read(Path pdf) {
        try {
            return Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw BrochureException.of(SourceLocation.of(pdf), "cannot read the copy: " + e.getMessage(),
                    "run again to build it anew");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String emlName(String copy) {
        return (copy.toLowerCase(Locale.ROOT).endsWith(".pdf") ? copy.substring(0, copy.length() - 4) : copy) + ".eml";
    }
}
