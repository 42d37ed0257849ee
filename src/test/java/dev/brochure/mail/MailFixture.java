package dev.brochure.mail;

import dev.brochure.pipeline.BuildRequest;
import dev.brochure.pipeline.Pipeline;
import dev.brochure.pipeline.batch.BatchListener;
import dev.brochure.testing.TestProject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The personal fixture with five recipients who have addresses, and a message template for them. */
final class MailFixture {

    static final List<String> ADDRESSES = List.of("ada@example.org", "alan@example.org", "grace@example.org",
            "katherine@example.org", "carol@example.org");

    static final String CSV = """
            first_name,last_name,email,programme,note
            Ada,Lovelace,ada@example.org,PhD in Computing,"A note for Ada, with a comma"
            Alan,Turing,alan@example.org,,
            Grace,Hopper,grace@example.org,MS in Computing,A note for Grace
            Katherine,Johnson,katherine@example.org,PhD in Engineering,
            Carol,Shaw,carol@example.org,BS in Computing,
            """;

    static final String MESSAGE = """
            Subject: Your brochure, ${recipient.first_name} ${recipient.last_name}

            Dear ${recipient.first_name},

            attached is the brochure we made for you: ${recipient.programme!"all our programmes"}.

            Admissions
            --- html ---
            <p>Dear ${recipient.first_name},</p>
            <p>attached is the brochure we made for you.</p>
            """;

    final Path root;
    final TestProject project;
    final Path recipients;
    final Path message;

    MailFixture(Path root) throws IOException {
        this.root = root;
        this.project = TestProject.copy("personal", root.resolve("project"));
        TestProject.copyTree(TestProject.REPO.resolve("fonts"), root.resolve("project/fonts"));
        this.recipients = Files.writeString(root.resolve("recipients.csv"), CSV);
        this.message = Files.writeString(root.resolve("message.ftl"), MESSAGE);
    }

    MailRequest dryRun(Path out) {
        return MailRequest.dryRun(BuildRequest.of(project.content(), out.resolve("unused.pdf")), recipients, message, out,
                "Admissions <admissions@example.edu>").withJobs(2).withRetry(new MailRequest.Retry(2,
                        Duration.ofMillis(10), 2));
    }

    static SmtpSettings plain(int port) {
        return new SmtpSettings(SmtpSettings.Security.PLAIN, "127.0.0.1", port, null, null, Duration.ofSeconds(10), null);
    }

    static MailResult run(MailRequest request) {
        return Mail.run(new Pipeline(Map.of()), request, MailListener.NONE, BatchListener.none());
    }

    /** The text of the message's first part of {@code type} (searching nested multiparts). */
    static String part(Part message, String type) throws Exception {
        if (message.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(message.getDisposition())) {
            return (String) message.getContent();
        }
        if (message.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String found = part(mp.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The attachments of a message: file name and bytes. */
    static Map<String, byte[]> attachments(MimeMessage message) throws Exception {
        Map<String, byte[]> found = new java.util.LinkedHashMap<>();
        Multipart mp = (Multipart) message.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart part = mp.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    in.transferTo(bytes);
                    found.put(part.getFileName(), bytes.toByteArray());
                }
            }
        }
        return found;
    }
}
