package dev.brochure.world.font;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.brochure.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One font object per font file and version of it: bytes read once, the JDK font and fontbox's parse made from them. */
class FontBookTest {

    @TempDir
    Path temp;

    private Path copy(String name, String as) throws IOException {
        return Files.copy(TestProject.FONTS.resolve(name + ".ttf"), temp.resolve(as),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aFileIsOneObjectUntilItChanges() throws IOException {
        FontBook book = new FontBook();
        Path file = copy("Lato-Regular", "Body.ttf");
        FontFace first = book.face(file);
        assertSame(first, book.file(file), "the checks and the typesetting see the same object");
        assertSame(first, book.face(file));

        FileTime time = Files.getLastModifiedTime(file);
        copy("Lato-Bold", "Body.ttf");
        Files.setLastModifiedTime(file, time);
        FontFace replaced = book.face(file);
        assertNotSame(first, replaced, "a replaced file is read again, even with its old time");
        assertEquals("Lato Bold", replaced.name());
        assertEquals("Lato Regular", first.name());
    }

    @Test
    void theBytesTheJdkFontAndFontboxDescribeTheSameFile() throws IOException {
        Path file = TestProject.FONTS.resolve("Vollkorn-Regular.ttf");
        FontFace face = new FontBook().face(file);
        assertArrayEquals(Files.readAllBytes(file), face.bytes());
        TrueTypeFont ttf = face.trueType();
        assertSame(ttf, face.trueType(), "parsed once");
        assertEquals("Vollkorn-Regular", ttf.getName());
        assertEquals(face.name().replace(' ', '-'), ttf.getName());
        // The advance fontbox reads from hmtx is the design width the JDK shapes with.
        int glyph = face.cmapGlyph('W');
        double fontboxWidth = ttf.getAdvanceWidth(glyph) * 1000.0 / ttf.getUnitsPerEm();
        assertEquals(fontboxWidth, face.designWidth(glyph), 0.01);
    }

    @Test
    void theKeyIsStableAcrossBooksAndFollowsTheBytes() throws IOException {
        Path a = copy("Lato-Regular", "A.ttf");
        String key = new FontBook().file(a).key();
        assertEquals(key, new FontBook().file(a).key());
        assertTrue(key.startsWith("A.ttf-"), key);
        Path b = copy("Lato-Italic", "A.ttf");
        assertNotEquals(key, new FontBook().file(b).key());
    }

    @Test
    void aDamagedFontIsReadButFailsWhenPrepared() throws IOException {
        byte[] bytes = Files.readAllBytes(TestProject.FONTS.resolve("Lato-Regular.ttf"));
        Path broken = Files.write(temp.resolve("Broken.ttf"), Arrays.copyOf(bytes, 100));
        FontBook book = new FontBook();
        assertEquals(100, book.file(broken).size(), "its bytes can be checked");
        assertThrows(IOException.class, () -> book.face(broken));
    }

    @Test
    void aHugeFileIsRefusedUnread() throws IOException {
        Path huge = temp.resolve("Huge.ttf");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(FontFace.MAX_FILE_BYTES + 1); // sparse: costs no disk and, if read, 64 MB of memory
        }
        IOException e = assertThrows(IOException.class, () -> new FontBook().file(huge));
        assertEquals("the file is 64 MB, more than the 64 MB limit for fonts", e.getMessage());
    }
}
