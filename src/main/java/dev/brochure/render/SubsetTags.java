package dev.brochure.render;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes font subset tags ({@code ABCDEF+Lato-Bold}) a function of the subset, not of chance.
 * OpenPDF draws the six letters from the font's {@link SecureRandom}; this one answers from a
 * digest of the font file's name and the glyphs the document uses from it, which the renderer
 * registers for the current thread before the fonts are written.
 */
final class SubsetTags extends SecureRandom {

    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<Map<Path, byte[]>> CURRENT = ThreadLocal.withInitial(Map::of);

    private final transient Path font;
    private int drawn;

    SubsetTags(Path font) {
        this.font = font;
    }

    /** Registers the glyphs each font contributes to the document being written on this thread. */
    static void begin(Map<Path, Set<Integer>> glyphsByFont) {
        Map<Path, byte[]> digests = new java.util.HashMap<>();
        glyphsByFont.forEach((file, glyphs) -> digests.put(file, digest(file, glyphs)));
        CURRENT.set(Map.copyOf(digests));
    }

    static void end() {
        CURRENT.remove();
    }

    /** Letter k of the tag: OpenPDF maps {@code nextDouble() * 26} to a letter. */
    @Override
    public synchronized double nextDouble() {
        byte[] digest = CURRENT.get().get(font);
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
