package dev.brochure.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.brochure.testing.TestProject;
import dev.brochure.vocab.Recipient;
import dev.brochure.vocab.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a copy's fingerprint covers (README "Resume"): every file of the content folder, the
 * project's images and fonts, the settings, the record's fields and the file name; the output
 * folder inside the project is left out, so writing copies does not change it.
 */
class FingerprintsTest {

    private static final Recipient ADA = new Recipient(Map.of("first_name", "Ada", "note", "Hello"),
            SourceLocation.of("r.csv"));
    private static final String SETTINGS = "profile=screen";

    @TempDir
    Path temp;

    private Path root;
    private Path content;

    @BeforeEach
    void project() throws IOException {
        root = temp.resolve("p");
        content = TestProject.copy("personal", root).content();
        Files.createDirectories(root.resolve("images"));
        Files.write(root.resolve("images/photo.jpg"), new byte[] {1, 2, 3});
        Files.createDirectories(root.resolve("fonts"));
        Files.write(root.resolve("fonts/Face.ttf"), new byte[] {4, 5, 6});
    }

    private String print() {
        return print(SETTINGS, ADA, "Ada.pdf");
    }

    private String print(String settings, Recipient recipient, String file) {
        return Fingerprints.of(content, root, settings, root.resolve("out")).of(recipient, file);
    }

    @Test
    void theSameInputsGiveTheSameFingerprint() throws IOException {
        String before = print();
        assertEquals(64, before.length(), "a SHA-256 in hex");
        assertEquals(before, print());
        Files.createDirectories(root.resolve("out"));
        Files.writeString(root.resolve("out/Ada.pdf"), "a copy written into the project");
        assertEquals(before, print(), "the output folder is not an input");
    }

    @Test
    void everyFileACopyIsMadeOfIsInIt() throws IOException {
        String before = print();
        for (String file : new String[] {"sections/story.yaml", "brochure.yaml", "layouts/greeting.ftlx"}) {
            Path path = content.resolve(file);
            String text = Files.readString(path);
            Files.writeString(path, text + "\n# edited\n");
            assertNotEquals(before, print(), file);
            Files.writeString(path, text);
            assertEquals(before, print(), file + " as it was");
        }
        Files.writeString(content.resolve("sections/new.yaml"), "layout: continued\n");
        assertNotEquals(before, print(), "a file added to the content folder");
        Files.delete(content.resolve("sections/new.yaml"));

        Files.write(root.resolve("images/photo.jpg"), new byte[] {1, 2, 4});
        assertNotEquals(before, print(), "an image");
        Files.write(root.resolve("images/photo.jpg"), new byte[] {1, 2, 3});
        Files.write(root.resolve("fonts/Face.ttf"), new byte[] {4, 5, 7});
        assertNotEquals(before, print(), "a font");
        Files.write(root.resolve("fonts/Face.ttf"), new byte[] {4, 5, 6});
        assertEquals(before, print());
    }

    @Test
    void theSettingsTheRecordAndTheFileNameAreInIt() {
        String before = print();
        assertNotEquals(before, print("profile=print", ADA, "Ada.pdf"));
        assertNotEquals(before, print(SETTINGS, new Recipient(Map.of("first_name", "Ada", "note", "Hello!"),
                SourceLocation.of("r.csv")), "Ada.pdf"), "a field's value");
        assertNotEquals(before, print(SETTINGS, new Recipient(Map.of("first_name", "Ada", "notes", "Hello"),
                SourceLocation.of("r.csv")), "Ada.pdf"), "a field's name");
        assertNotEquals(before, print(SETTINGS, ADA, "Ada-2.pdf"), "the file name");
        assertEquals(before, print(SETTINGS, new Recipient(Map.of("first_name", "Ada", "note", "Hello"),
                SourceLocation.of("other.csv:7")), "Ada.pdf"), "where the record stands is not what the copy shows");
    }
}
