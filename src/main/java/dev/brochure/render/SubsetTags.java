package dev.brochure.render;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes font subset tags ({@code ABCDEF+Lato-Bold}) a function of the subset, not of chance.
 * OpenPDF draws the six letters from the font's {@link SecureRandom}; this one answers from a
 * digest of the font file's name and the glyphs the document uses from it, which the renderer
 * gives ({@link #use}) before the document's fonts are written.
 */
final class SubsetTags extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private final transient Path font;
    private byte[] digest;
    private int drawn;

    SubsetTags(Path font) {
        this.font = font;
    }

    /** The glyphs the document being written uses from this font. */
    synchronized void use(Set<Integer> glyphs) {
        digest = digest(font, glyphs);
    }

    /** Letter k of the tag: OpenPDF maps {@code nextDouble() * 26} to a letter. */
    @Override
    public synchronized double nextDouble() {
        int k = drawn++ % 6;
        int letter = digest == null ? k : (digest[k] & 0xff) % 26;
        return (letter + 0.5) / 26.0;
    }

    private static byte[] digest(Path file, Set<Integer> glyphs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            for (int glyph : new TreeSet<>(glyphs)) {
                sha.update((byte) (glyph >> 8));
                sha.update((byte) glyph);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
