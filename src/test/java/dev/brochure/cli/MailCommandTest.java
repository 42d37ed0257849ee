package dev.brochure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code brochure mail} on the command line, against GreenMail on loopback with a user and a
 * password: the dry run's summary, a send with the password from a file, the exit code and list
 * when a recipient fails, and that the password appears in no output, no log record (Jakarta
 * Mail's included, at every level) and no file the run writes.
 */
class MailCommandTest {

    private static final String PASSWORD = "Corr3ct-Horse-Battery-9417";
    private static final String CSV = """
            first_name,last_name,email,programme,note
            Ada,Lovelace,ada@example.org,PhD in Computing,A note for Ada
            Alan,Turing,alan@example.org,,
            Grace,Hopper,grace@@example.org,,
            """;
    private static final String MESSAGE = """
            Subject: Your brochure, ${recipient.first_name}

            Dear ${recipient.first_name},
            your brochure is attached.
            """;

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(setup())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("admissions@example.edu", "staff", PASSWORD))
            .withPerMethodLifecycle(false);

    @TempDir
    static Path temp;

    private static TestProject project;
    private static Path recipients;
    private static Path message;
    private static Path passwordFile;

    private static ServerSetup setup() {
        ServerSetup setup = ServerSetupTest.SMTP.dynamicPort();
        setup.setServerStartupTimeout(30_000);
        return setup;
    }

    @BeforeAll
    static void project() throws IOException {
        project = TestProject.copy("personal", temp.resolve("project"));
        TestProject.copyTree(TestProject.REPO.resolve("fonts"), temp.resolve("project/fonts"));
        recipients = Files.writeString(temp.resolve("recipients.csv"), CSV);
        message = Files.writeString(temp.resolve("message.ftl"), MESSAGE);
        passwordFile = Files.writeString(temp.resolve("smtp-password"), PASSWORD + "\n");
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    private static CliRun mail(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("mail", "--recipients", recipients.toString(), "--message",
                message.toString(), "--content", project.content().toString(), "--out", out.toString(), "--from",
                "Admissions <admissions@example.edu>", "--jobs", "2"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static String smtp() {
        return "smtp://staff@127.0.0.1:" + greenMail.getSmtp().getPort();
    }

    @Test
    void aDryRunWritesTheMessagesListsTheFailedRecordAndSendsNothing() throws IOException {
        Path out = temp.resolve("dry");
        CliRun run = mail(out);
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.out().contains("mail: dry run: 2 messages written to " + out.resolve("mail")
                + ", 0 already sent, 1 failed; nothing was sent (add --send to send)"), run.out());
        assertTrue(run.err().contains("recipients.csv:4: error: 'grace@@example.org' is not an e-mail address"),
                run.err());
        assertTrue(run.err().contains("1 recipient failed:\n  line 4: grace@@example.org"), run.err());
        assertTrue(Files.isRegularFile(out.resolve("mail/Ada-Lovelace.eml")));
        assertTrue(Files.isRegularFile(out.resolve("mail/Alan-Turing.eml")));
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void noCredentialsInAnyOutputLogOrFile() throws Exception {
        Path out = temp.resolve("send");
        List<String> log = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                log.add(record.getLoggerName() + " " + record.getMessage() + " " + java.util.Arrays.toString(
                        record.getParameters()) + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        Logger angus = Logger.getLogger("org.eclipse.angus");
        Logger jakarta = Logger.getLogger("jakarta.mail");
        root.addHandler(capture);
        capture.setLevel(Level.ALL);
        angus.setLevel(Level.ALL);
        jakarta.setLevel(Level.ALL);
        CliRun sent;
        CliRun wrong;
        CliRun inUrl;
        try {
            sent = mail(out, "--send", "--smtp", smtp(), "--insecure", "--password-file", passwordFile.toString());
            Path badPassword = Files.writeString(temp.resolve("wrong-password"), PASSWORD + "-but-wrong\n");
            wrong = mail(temp.resolve("wrong"), "--send", "--smtp", smtp(), "--insecure", "--password-file",
                    badPassword.toString());
            inUrl = mail(temp.resolve("url"), "--send", "--smtp", "smtp://staff:" + PASSWORD + "@127.0.0.1:"
                    + greenMail.getSmtp().getPort(), "--insecure");
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
            angus.setLevel(null);
            jakarta.setLevel(null);
        }
        assertEquals(1, sent.code(), "Grace's address is malformed: " + sent);
        assertTrue(sent.out().contains("mail: 2 sent, 0 already sent, 0 left in sending, 1 failed; ledger "), sent.out());
        assertEquals(2, greenMail.getReceivedMessages().length, "authenticated and sent");
        assertFalse(log.isEmpty(), "Jakarta Mail's protocol log was captured");

        assertEquals(1, wrong.code(), wrong.toString());
        assertTrue(wrong.err().contains("refused the user name or password"), wrong.err());
        assertTrue(wrong.err().contains("the file " + temp.resolve("wrong-password")), wrong.err());
        assertEquals(2, greenMail.getReceivedMessages().length);
        assertEquals("", Files.readString(temp.resolve("wrong/mail/ledger.jsonl")),
                "the login failed before any transaction: nobody is left in sending");

        assertEquals(1, inUrl.code(), inUrl.toString());
        assertTrue(inUrl.err().contains("the SMTP URL holds a password; a password is never given on the command line"),
                inUrl.err());

        List<String> secrets = List.of(PASSWORD, base64(PASSWORD), base64("\0staff\0" + PASSWORD),
                base64("staff\0staff\0" + PASSWORD), PASSWORD + "-but-wrong", base64(PASSWORD + "-but-wrong"),
                base64("\0staff\0" + PASSWORD + "-but-wrong"));
        List<String> places = new ArrayList<>(List.of(sent.out(), sent.err(), wrong.out(), wrong.err(), inUrl.out(),
                inUrl.err(), String.join("\n", log)));
        for (Path folder : List.of(out, temp.resolve("wrong"), temp.resolve("url"))) {
            if (Files.exists(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        places.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
        assertTrue(Files.readString(out.resolve("mail/ledger.jsonl")).contains("\"status\":\"sent\""));
        for (String place : places) {
            for (String secret : secrets) {
                assertFalse(place.contains(secret), "a credential leaked: " + place);
            }
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendingNeedsAServerAndOnePasswordSource() {
        Path out = temp.resolve("usage");
        CliRun noServer = mail(out, "--send");
        assertEquals(2, noServer.code());
        assertTrue(noServer.err().contains("--send needs --smtp URL"), noServer.err());
        CliRun both = mail(out, "--send", "--smtp", smtp(), "--password-env", "X", "--password-file", "y");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("not both"), both.err());
        CliRun mark = mail(out, "--mark-sent", "ada@example.org");
        assertEquals(2, mark.code());
        assertTrue(mark.err().contains("--mark-sent writes the send ledger; use it with --send"), mark.err());
        CliRun rate = mail(out, "--rate", "fast");
        assertEquals(2, rate.code());
        assertTrue(rate.err().contains("'fast' is no rate; write messages per minute, e.g. 30/min"), rate.err());
    }
}
