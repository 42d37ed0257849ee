package dev.brochure.render;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

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
        byte[] id = HexFormat.of().formatHex(fingerprint(pdf)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, pdf, first, HEX);
        System.arraycopy(id, 0, pdf, second, HEX);
        return pdf;
    }

    /**
     * 16 bytes that follow every byte of the file: CRC-32C and CRC-32 of all of it, CRC-32C of its
     * second half, and its length. An identifier needs no cryptographic strength, and these
     * checksums run at memory speed (the JVM computes them with CPU instructions) where SHA-256
     * cost a noticeable part of a cold build.
     */
    static byte[] fingerprint(byte[] data) {
        CRC32C all = new CRC32C();
        all.update(data);
        CRC32 other = new CRC32();
        other.update(data);
        CRC32C half = new CRC32C();
        half.update(data, data.length / 2, data.length - data.length / 2);
        return ByteBuffer.allocate(16).putInt((int) all.getValue()).putInt((int) other.getValue())
                .putInt((int) half.getValue()).putInt(data.length).array();
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
