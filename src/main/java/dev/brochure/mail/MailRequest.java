package dev.brochure.mail;

import dev.brochure.pipeline.BuildRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What {@code brochure mail} is to do. {@code build}: the settings of every copy (content folder,
 * profile, size budget); {@code outDir}: the output folder (copies in {@code batch/}, messages and
 * the ledger in {@code mail/}); {@code smtp} null for a dry run; {@code from} the sender's
 * address; {@code perMinute} the most messages begun per minute (0: no limit); {@code resend}
 * sends again to recipients the ledger has as sent or sending; {@code only} limits the run to
 * these addresses (empty: everyone); {@code maxAttachment} the largest attachment in bytes;
 * {@code retry} how often and how patiently a temporary failure is tried again; {@code date} the
 * Date of a dry run's messages (null: the time each is written); {@code jobs} copies built at
 * once; {@code markSent} see {@link #withMarkSent}.
 */
public record MailRequest(BuildRequest build, Path recipients, Path message, Path outDir, SmtpSettings smtp,
        String from, double perMinute, boolean resend, Set<String> only, long maxAttachment, Retry retry,
        Instant date, int jobs, Set<String> markSent) {

    /** Ten megabytes: what many mail servers take. */
    public static final long DEFAULT_MAX_ATTACHMENT = 10L * 1024 * 1024;

    /**
     * A temporary failure is tried again up to {@code attempts} times in all, waiting
     * {@code backoff}, then twice as long each time; after {@code giveUpAfter} recipients in a
     * row failed for good that way, the server is taken to be down and the rest are not tried.
     */
    public record Retry(int attempts, Duration backoff, int giveUpAfter) {
        public static final Retry DEFAULT = new Retry(4, Duration.ofSeconds(2), 3);

        public Retry {
            if (attempts < 1 || giveUpAfter < 1) {
                throw new IllegalArgumentException("attempts and giveUpAfter must be at least 1");
            }
        }
    }

    public MailRequest {
        only = Set.copyOf(only);
        markSent = Set.copyOf(markSent);
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
    }

    public static MailRequest dryRun(BuildRequest build, Path recipients, Path message, Path outDir, String from) {
        return new MailRequest(build, recipients, message, outDir, null, from, 0, false, Set.of(),
                DEFAULT_MAX_ATTACHMENT, Retry.DEFAULT, null, Runtime.getRuntime().availableProcessors(), Set.of());
    }

    public boolean send() {
        return smtp != null;
    }

    public MailRequest sending(SmtpSettings settings) {
        return new MailRequest(build, recipients, message, outDir, settings, from, perMinute, resend, only,
                maxAttachment, retry, date, jobs, markSent);
    }

    public MailRequest withRate(double messagesPerMinute) {
        return new MailRequest(build, recipients, message, outDir, smtp, from, messagesPerMinute, resend, only,
                maxAttachment, retry, date, jobs, markSent);
    }

    public MailRequest withResend(boolean again, Set<String> addresses) {
        return new MailRequest(build, recipients, message, outDir, smtp, from, perMinute, again, addresses,
                maxAttachment, retry, date, jobs, markSent);
    }

    public MailRequest withMaxAttachment(long bytes) {
        return new MailRequest(build, recipients, message, outDir, smtp, from, perMinute, resend, only, bytes, retry,
                date, jobs, markSent);
    }

    public MailRequest withRetry(Retry other) {
        return new MailRequest(build, recipients, message, outDir, smtp, from, perMinute, resend, only, maxAttachment,
                other, date, jobs, markSent);
    }

    public MailRequest withDate(Instant fixed) {
        return new MailRequest(build, recipients, message, outDir, smtp, from, perMinute, resend, only, maxAttachment,
                retry, fixed, jobs, markSent);
    }

    public MailRequest withJobs(int n) {
        return new MailRequest(build, recipients, message, outDir, smtp, from, perMinute, resend, only, maxAttachment,
                retry, date, n, markSent);
    }

    /**
     * Records that the recipients with these addresses, left in {@code sending}, did receive their
     * message (a person found out): the ledger gets a {@code sent} line for each, nothing is sent.
     */
    public MailRequest withMarkSent(Set<String> addresses) {
        return new MailRequest(build, recipients, message, outDir, smtp, from, perMinute, resend, only, maxAttachment,
                retry, date, jobs, addresses);
    }

    /** Where the copies are built (as {@code brochure batch --out} would put them). */
    public Path copiesDir() {
        return outDir.resolve("batch");
    }

    /** Where the messages of a dry run and the ledger go. */
    public Path mailDir() {
        return outDir.resolve("mail");
    }
}
