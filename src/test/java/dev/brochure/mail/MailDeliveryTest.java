package dev.brochure.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.DummySSLSocketFactory;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.brochure.diag.BrochureException;
import dev.brochure.testing.PdfFiles;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code brochure mail} against a real SMTP server on loopback in this JVM (GreenMail), with a
 * relay in front of it for the faults ({@link FaultySmtpRelay}): what arrives, to whom, with
 * which attachment, and how often, when all goes well, when the server fails mid-run, when it
 * refuses one address, and when a transaction's outcome is unknown.
 */
class MailDeliveryTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup[] {
            setup(ServerSetupTest.SMTP), setup(ServerSetupTest.SMTPS)}).withPerMethodLifecycle(false);

    /** On a free loopback port, with time to start on a busy machine. */
    private static ServerSetup setup(ServerSetup base) {
        ServerSetup setup = base.dynamicPort();
        setup.setServerStartupTimeout(30_000);
        return setup;
    }

    @TempDir
    static Path temp;

    private static MailFixture fixture;

    @BeforeAll
    static void project() throws Exception {
        fixture = new MailFixture(temp.resolve("fixture"));
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    private static int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    private static Map<String, List<MimeMessage>> received() throws Exception {
        Map<String, List<MimeMessage>> byAddress = new HashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            for (var to : m.getAllRecipients()) {
                byAddress.computeIfAbsent(((InternetAddress) to).getAddress(), k -> new ArrayList<>()).add(m);
            }
        }
        return byAddress;
    }

    private static Path pdfOf(Path out, String address) {
        return out.resolve("batch").resolve(switch (address) {
            case "ada@example.org" -> "Ada-Lovelace.pdf";
            case "alan@example.org" -> "Alan-Turing.pdf";
            case "grace@example.org" -> "Grace-Hopper.pdf";
            case "katherine@example.org" -> "Katherine-Johnson.pdf";
            case "carol@example.org" -> "Carol-Shaw.pdf";
            default -> throw new IllegalArgumentException(address);
        });
    }

    private static List<Ledger.Entry> ledger(Path out) {
        return Ledger.read(out.resolve("mail").resolve(Ledger.FILE));
    }

    @Test
    void eachRecipientReceivesExactlyOneMessageWithTheirOwnPdf() throws Exception {
        Path out = temp.resolve("happy");
        MailResult result = MailFixture.run(fixture.dryRun(out).sending(MailFixture.plain(smtpPort())));
        assertTrue(result.ok(), result.toString());
        assertEquals(5, result.sentNow());

        Map<String, List<MimeMessage>> received = received();
        assertEquals(Set.copyOf(MailFixture.ADDRESSES), received.keySet());
        Map<String, String> names = Map.of("ada@example.org", "Ada Lovelace", "alan@example.org", "Alan Turing",
                "grace@example.org", "Grace Hopper", "katherine@example.org", "Katherine Johnson",
                "carol@example.org", "Carol Shaw");
        for (String address : MailFixture.ADDRESSES) {
            assertEquals(1, received.get(address).size(), address);
            MimeMessage m = received.get(address).getFirst();
            assertEquals(List.of(new InternetAddress(address)), Arrays.asList(m.getRecipients(MimeMessage.RecipientType.TO)));
            assertEquals("Admissions <admissions@example.edu>", m.getFrom()[0].toString());
            assertEquals("Your brochure, " + names.get(address), m.getSubject());
            String first = names.get(address).split(" ")[0];
            String plain = MailFixture.part(m, "text/plain");
            assertTrue(plain.startsWith("Dear " + first + ",\r\n") || plain.startsWith("Dear " + first + ",\n"), plain);
            assertTrue(MailFixture.part(m, "text/html").contains("<p>Dear " + first + ",</p>"));
            Map<String, byte[]> attachments = MailFixture.attachments(m);
            Path pdf = pdfOf(out, address);
            assertEquals(Set.of(pdf.getFileName().toString()), attachments.keySet());
            byte[] bytes = attachments.values().iterator().next();
            assertArrayEquals(Files.readAllBytes(pdf), bytes, "the attachment is the recipient's own copy");
            try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
                assertTrue(PdfFiles.spaces(PdfFiles.text(doc)).contains("Prepared for " + names.get(address)),
                        "the copy attached is made for " + names.get(address));
            }
        }
        // The ledger: sending then sent for each, with the PDF's SHA-256 and the Message-ID that arrived.
        List<Ledger.Entry> entries = ledger(out);
        assertEquals(10, entries.size());
        for (String address : MailFixture.ADDRESSES) {
            List<Ledger.Entry> mine = entries.stream().filter(e -> e.address().equals(address)).toList();
            assertEquals(List.of(Ledger.SENDING, Ledger.SENT), mine.stream().map(Ledger.Entry::status).toList());
            assertEquals(Mail.sha256(Files.readAllBytes(pdfOf(out, address))), mine.get(1).sha256());
            assertEquals(received.get(address).getFirst().getMessageID(), mine.get(1).messageId());
        }

        // A second run sends nothing more.
        MailResult again = MailFixture.run(fixture.dryRun(out).sending(MailFixture.plain(smtpPort())));
        assertTrue(again.ok());
        assertEquals(0, again.sentNow());
        assertEquals(5, again.alreadySent());
        assertEquals(5, greenMail.getReceivedMessages().length);

        // --resend sends to everyone again, deliberately, each as a new message.
        MailResult resent = MailFixture.run(fixture.dryRun(out).withResend(true, Set.of())
                .sending(MailFixture.plain(smtpPort())));
        assertEquals(5, resent.sentNow());
        Map<String, List<MimeMessage>> twice = received();
        for (String address : MailFixture.ADDRESSES) {
            assertEquals(2, twice.get(address).size());
            assertNotEquals(twice.get(address).get(0).getMessageID(), twice.get(address).get(1).getMessageID());
        }
    }

    @Test
    void serverFailingAfterTwoMessagesThenASecondRunDeliversEveryMessageExactlyOnce() throws Exception {
        Path out = temp.resolve("failing");
        try (FaultySmtpRelay relay = new FaultySmtpRelay(smtpPort())) {
            relay.failAfter = 2;
            MailResult first = MailFixture.run(fixture.dryRun(out).sending(MailFixture.plain(relay.port())));
            assertEquals(2, first.sentNow());
            assertEquals(3, first.failures().size(), "the other three are listed as not sent");
            assertEquals(List.of(4, 5, 6), first.failures().stream().map(MailResult.Failure::line).toList());
            assertTrue(first.failures().get(0).errors().getFirst().message().startsWith("not sent after 2 attempts: "),
                    first.failures().toString());
            assertTrue(first.failures().get(2).errors().getFirst().message().startsWith("not tried: "),
                    "after two recipients in a row could not be sent, the server is taken to be down");
            assertEquals(2, greenMail.getReceivedMessages().length);
        }
        try (FaultySmtpRelay healthy = new FaultySmtpRelay(smtpPort())) {
            MailResult second = MailFixture.run(fixture.dryRun(out).sending(MailFixture.plain(healthy.port())));
            assertTrue(second.ok(), second.toString());
            assertEquals(3, second.sentNow());
            assertEquals(2, second.alreadySent());
        }
        Map<String, List<MimeMessage>> received = received();
        assertEquals(Set.copyOf(MailFixture.ADDRESSES), received.keySet());
        received.forEach((address, messages) -> assertEquals(1, messages.size(), address + " got exactly one"));
    }

    @Test
    void aPermanentRefusalOfOneAddressFailsOnlyThatRecipient() throws Exception {
        Path out = temp.resolve("refused");
        try (FaultySmtpRelay relay = new FaultySmtpRelay(smtpPort())) {
            relay.reject.add("grace@example.org");
            MailResult result = MailFixture.run(fixture.dryRun(out).sending(MailFixture.plain(relay.port())));
            assertEquals(4, result.sentNow());
            assertEquals(1, result.failures().size());
            MailResult.Failure failure = result.failures().getFirst();
            assertEquals(4, failure.line());
            assertEquals("grace@example.org", failure.address());
            assertTrue(failure.errors().getFirst().message().contains("550"), failure.toString());
            assertTrue(failure.errors().getFirst().where().toString().endsWith("recipients.csv:4:0")
                    || failure.errors().getFirst().where().toString().contains("recipients.csv:4"), failure.toString());
        }
        Map<String, List<MimeMessage>> received = received();
        assertEquals(Set.of("ada@example.org", "alan@example.org", "katherine@example.org", "carol@example.org"),
                received.keySet());
        List<Ledger.Entry> grace = ledger(out).stream().filter(e -> e.address().equals("grace@example.org")).toList();
        assertEquals(List.of(Ledger.SENDING, Ledger.FAILED), grace.stream().map(Ledger.Entry::status).toList(),
                "a permanent refusal is not retried");
        assertTrue(grace.get(1).error().contains("550"));
    }

    @Test
    void aTemporaryRefusalIsTriedAgainAndDeliversOnce() throws Exception {
        Path out = temp.resolve("deferred");
        try (FaultySmtpRelay relay = new FaultySmtpRelay(smtpPort())) {
            relay.deferOnce.add("katherine@example.org");
            MailResult result = MailFixture.run(fixture.dryRun(out).sending(MailFixture.plain(relay.port())));
            assertTrue(result.ok(), result.toString());
            assertEquals(5, result.sentNow());
        }
        List<Ledger.Entry> katherine = ledger(out).stream().filter(e -> e.address().equals("katherine@example.org"))
                .toList();
        assertEquals(List.of(Ledger.SENDING, Ledger.FAILED, Ledger.SENDING, Ledger.SENT),
                katherine.stream().map(Ledger.Entry::status).toList());
        assertTrue(katherine.get(1).error().contains("451"), katherine.get(1).error());
        received().forEach((address, messages) -> assertEquals(1, messages.size(), address));
        assertEquals(5, greenMail.getReceivedMessages().length);
    }

    @Test
    void aDryRunWritesEmlFilesThatParseBackAndMatchWhatIsSent() throws Exception {
        Path out = temp.resolve("dry");
        Instant date = Instant.parse("2026-03-01T09:00:00Z");
        MailResult dry = MailFixture.run(fixture.dryRun(out).withDate(date));
        assertTrue(dry.ok());
        assertEquals(5, dry.written());
        assertEquals(0, greenMail.getReceivedMessages().length, "a dry run sends nothing");
        assertTrue(Files.notExists(out.resolve("mail").resolve(Ledger.FILE)), "and keeps no ledger");
        List<Path> emls;
        try (Stream<Path> files = Files.list(out.resolve("mail"))) {
            emls = files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
        assertEquals(5, emls.size());
        Map<Path, byte[]> firstBytes = new HashMap<>();
        for (Path eml : emls) {
            firstBytes.put(eml, Files.readAllBytes(eml));
        }
        MailFixture.run(fixture.dryRun(out).withDate(date));
        for (Path eml : emls) {
            assertArrayEquals(firstBytes.get(eml), Files.readAllBytes(eml), "the same dry run writes the same bytes");
        }

        MailResult sent = MailFixture.run(fixture.dryRun(out).sending(MailFixture.plain(smtpPort())));
        assertEquals(5, sent.sentNow());
        Map<String, List<MimeMessage>> received = received();
        Session session = Session.getInstance(new Properties());
        for (Path eml : emls) {
            MimeMessage written;
            try (InputStream in = Files.newInputStream(eml)) {
                written = new MimeMessage(session, in);
            }
            String to = ((InternetAddress) written.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress();
            assertEquals(eml.getFileName().toString().replace(".eml", ".pdf"), pdfOf(out, to).getFileName().toString());
            assertEquals(date, written.getSentDate().toInstant());
            MimeMessage real = received.get(to).getFirst();
            assertEquals(real.getMessageID(), written.getMessageID(), "the message sent is the one the dry run showed");
            assertEquals(real.getSubject(), written.getSubject());
            assertEquals(Arrays.asList(real.getFrom()), Arrays.asList(written.getFrom()));
            // SMTP carries text with CRLF line ends; what Jakarta Mail reads back of each may differ in that alone.
            assertEquals(lines(MailFixture.part(real, "text/plain")), lines(MailFixture.part(written, "text/plain")));
            assertEquals(lines(MailFixture.part(real, "text/html")), lines(MailFixture.part(written, "text/html")));
            Map<String, byte[]> a = MailFixture.attachments(written);
            Map<String, byte[]> b = MailFixture.attachments(real);
            assertEquals(b.keySet(), a.keySet());
            assertArrayEquals(b.values().iterator().next(), a.values().iterator().next());
            assertArrayEquals(Files.readAllBytes(pdfOf(out, to)), a.values().iterator().next());
        }

        // After the send, a dry run writes only what is still to be sent: nothing.
        MailResult after = MailFixture.run(fixture.dryRun(out).withDate(date));
        assertEquals(0, after.written());
        assertEquals(5, after.alreadySent());
        try (Stream<Path> files = Files.list(out.resolve("mail"))) {
            assertEquals(List.of(Ledger.FILE), files.map(f -> f.getFileName().toString()).toList(),
                    "the messages of the earlier dry run are gone; none is taken for one still to be sent");
        }
    }

    private static String lines(String text) {
        return text.replace("\r\n", "\n");
    }

    @Test
    void aTransactionWhoseOutcomeIsUnknownIsLeftForAPersonAndSentAgainOnlyWhenAsked() throws Exception {
        Path out = temp.resolve("unknown");
        try (FaultySmtpRelay relay = new FaultySmtpRelay(smtpPort())) {
            relay.dropAfterData.add("alan@example.org");
            MailResult first = MailFixture.run(fixture.dryRun(out).sending(MailFixture.plain(relay.port())));
            assertEquals(4, first.sentNow(), "the others are sent");
            assertEquals(List.of("alan@example.org"), first.undecided().stream().map(MailResult.Failure::address).toList());
            assertTrue(first.failures().isEmpty());
        }
        greenMail.waitForIncomingEmail(5000, 5);
        assertEquals(1, received().get("alan@example.org").size(), "the server had the message all along");
        List<Ledger.Entry> alan = ledger(out).stream().filter(e -> e.address().equals("alan@example.org")).toList();
        assertEquals(Ledger.SENDING, alan.getLast().status(), "left in sending");

        try (FaultySmtpRelay healthy = new FaultySmtpRelay(smtpPort())) {
            MailResult second = MailFixture.run(fixture.dryRun(out).sending(MailFixture.plain(healthy.port())));
            assertEquals(0, second.sentNow());
            assertEquals(4, second.alreadySent());
            assertEquals(1, second.undecided().size(), "reported again, not resent silently");
            String hint = second.undecided().getFirst().errors().getFirst().hint();
            assertTrue(hint.contains("--resend --only alan@example.org") && hint.contains("--mark-sent alan@example.org"),
                    hint);
            assertEquals(1, received().get("alan@example.org").size());

            // A person finds that it arrived, and says so: the ledger has it as sent, nothing is sent.
            MailResult marked = MailFixture.run(fixture.dryRun(out).withMarkSent(Set.of("Alan@example.org"))
                    .sending(MailFixture.plain(healthy.port())));
            assertTrue(marked.ok(), marked.toString());
            assertEquals(0, marked.sentNow());
            assertEquals(5, marked.alreadySent());
            Ledger.Entry last = ledger(out).getLast();
            assertEquals(List.of("alan@example.org", Ledger.SENT, "marked sent by hand (--mark-sent)"),
                    List.of(last.address(), last.status(), last.error()));
            assertEquals(1, received().get("alan@example.org").size());

            // Or decides to send it again, deliberately.
            MailResult resent = MailFixture.run(fixture.dryRun(out).withResend(true, Set.of("alan@example.org"))
                    .sending(MailFixture.plain(healthy.port())));
            assertTrue(resent.ok(), resent.toString());
            assertEquals(1, resent.sentNow(), "--resend --only sends to that recipient alone");
        }
        List<MimeMessage> alans = received().get("alan@example.org");
        assertEquals(2, alans.size());
        assertNotEquals(alans.get(0).getMessageID(), alans.get(1).getMessageID(), "a deliberate resend is a new message");
        assertEquals(6, greenMail.getReceivedMessages().length);
    }

    @Test
    void onlyAndMarkSentMustNameRecipientsTheyApplyTo() {
        Path out = temp.resolve("names");
        BrochureException unknown = assertThrows(BrochureException.class, () -> MailFixture.run(fixture.dryRun(out)
                .withResend(false, Set.of("nobody@example.org"))));
        assertEquals("no record has the address nobody@example.org", unknown.diagnostics().getFirst().message());
        BrochureException notSending = assertThrows(BrochureException.class, () -> MailFixture.run(fixture.dryRun(out)
                .withMarkSent(Set.of("ada@example.org")).sending(MailFixture.plain(smtpPort()))));
        assertEquals("--mark-sent names ada@example.org, whom the ledger has never seen",
                notSending.diagnostics().getFirst().message());
        assertEquals(0, greenMail.getReceivedMessages().length, "nothing was sent");
    }

    @Test
    void smtpsSendsOverImplicitTls() throws Exception {
        Path out = temp.resolve("smtps");
        SmtpSettings tls = new SmtpSettings(SmtpSettings.Security.IMPLICIT_TLS, "127.0.0.1",
                greenMail.getSmtps().getPort(), null, null, Duration.ofSeconds(10), null)
                .withSockets(new DummySSLSocketFactory());
        MailResult result = MailFixture.run(fixture.dryRun(out).withResend(false, Set.of("ada@example.org"))
                .sending(tls));
        assertTrue(result.ok(), result.toString());
        assertEquals(1, result.sentNow());
        assertEquals(Set.of("ada@example.org"), received().keySet());
    }

    @Test
    void smtpWithoutInsecureRequiresStarttlsAndSendsNothingWithoutIt() throws Exception {
        Path out = temp.resolve("starttls");
        SmtpSettings settings = SmtpSettings.parse("smtp://127.0.0.1:" + smtpPort(), false, null);
        assertEquals(SmtpSettings.Security.STARTTLS, settings.security());
        BrochureException e = assertThrows(BrochureException.class, () -> MailFixture.run(fixture.dryRun(out)
                .sending(settings.withTimeout(Duration.ofSeconds(10)))));
        String message = e.diagnostics().getFirst().message();
        assertTrue(message.contains("STARTTLS") || message.contains("secure connection"), message);
        assertEquals(0, greenMail.getReceivedMessages().length);
        assertEquals(List.of(), ledger(out), "no transaction began, so nobody is left in sending");
    }

    @Test
    void anAttachmentOverTheBudgetFailsItsRecipientWithAHint() throws Exception {
        Path out = temp.resolve("budget");
        MailResult result = MailFixture.run(fixture.dryRun(out).withMaxAttachment(1000)
                .sending(MailFixture.plain(smtpPort())));
        assertEquals(0, result.sentNow());
        assertEquals(5, result.failures().size());
        var problem = result.failures().getFirst().errors().getFirst();
        assertTrue(problem.message().contains("more than the 0.0 MB a message may carry"), problem.message());
        assertTrue(problem.hint().contains("--profile email") && problem.hint().contains("--max-size"));
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void aMissingOrMalformedAddressIsAnErrorOfItsRecordAlone() throws Exception {
        Path root = temp.resolve("addresses");
        Files.createDirectories(root);
        Path csv = Files.writeString(root.resolve("recipients.csv"), """
                first_name,last_name,email,programme,note
                Ada,Lovelace,ada@example.org,,
                Alan,Turing,,,
                Grace,Hopper,grace at example.org,,
                Katherine,Johnson,"katherine@example.org, carol@example.org",,
                Carol,Shaw,carol@localhost,,
                """);
        Path out = root.resolve("out");
        MailRequest request = fixture.dryRun(out);
        request = new MailRequest(request.build(), csv, request.message(), out, null, request.from(), 0, false,
                Set.of(), request.maxAttachment(), request.retry(), null, 2, Set.of());
        MailResult result = MailFixture.run(request);
        assertEquals(1, result.written());
        assertEquals(List.of(3, 4, 5, 6), result.failures().stream().map(MailResult.Failure::line).toList());
        List<String> messages = result.failures().stream().map(f -> f.errors().getFirst().message()).toList();
        assertEquals("the record has no e-mail address (field 'email')", messages.get(0));
        assertEquals("'grace at example.org' is not an e-mail address", messages.get(1));
        assertEquals("the field 'email' holds 2 addresses", messages.get(2));
        assertEquals("'carol@localhost' is not an e-mail address", messages.get(3));
        assertTrue(result.failures().get(1).errors().getFirst().where().toString().contains("recipients.csv:4"));
    }

    @Test
    void aRecipientsFileWithoutAnEmailColumnIsRefusedBeforeAnythingIsBuilt() throws Exception {
        Path root = temp.resolve("nocolumn");
        Files.createDirectories(root);
        Path csv = Files.writeString(root.resolve("recipients.csv"), "first_name,last_name\nAda,Lovelace\n");
        Path out = root.resolve("out");
        MailRequest base = fixture.dryRun(out);
        MailRequest request = new MailRequest(base.build(), csv, base.message(), out, null, base.from(), 0, false,
                Set.of(), base.maxAttachment(), base.retry(), null, 2, Set.of());
        BrochureException e = assertThrows(BrochureException.class, () -> MailFixture.run(request));
        assertEquals("the recipients file has no e-mail column", e.diagnostics().getFirst().message());
        assertTrue(Files.notExists(out), "nothing was built");
    }
}
