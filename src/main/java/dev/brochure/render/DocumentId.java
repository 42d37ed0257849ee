package dev.brochure.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Replaces the random file identifier OpenPDF writes in the trailer ({@code /ID [<…><…>]}) by
 * one derived from the file's content, so identical inputs give identical bytes. The new
 * identifier has the same length, so no offset in the file moves.
 */
final class DocumentId {

    private static final byte[] MARKER = "/ID [<".getBytes(StandardCharsets.US_ASCII);
    private static final int HEX = 32;

    private DocumentId() {
    }

    /** Rewrites the identifier in place; returns the same array. */
    static byte[] stamp(byte[] pdf) {
        int at = lastIndexOf(pdf, MARKER);
        if (at < 0) {
            return pdf;
        }
        int first = at + MARKER.length;
        int second = first + HEX + 2;
        if (second + HEX > pdf.length || pdf[first + HEX] != '>' || pdf[second - 1] != '<') {
            throw new IllegalStateException("unexpected trailer /ID layout");
        }
        for (int i = 0; i < HEX; i++) {
            pdf[first + i] = '0';
            pdf[second + i] = '0';
        }
        byte[] id = HexFormat.of().formatHex(sha256(pdf), 0, HEX / 2).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, pdf, first, HEX);
        System.arraycopy(id, 0, pdf, second, HEX);
        return pdf;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int lastIndexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = data.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
