package dev.brochure.render;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The file identifier ({@code /ID [<…> <…>]} in the trailer), made from the file's content so that
 * identical inputs give identical bytes. OpenPDF takes the identifier from the document
 * information's {@code /FileId} entry when there is one (its supported way to make a file
 * deterministic); {@link #install} puts this array there. Its value is fixed when OpenPDF first
 * writes it, which is in the document information, after the pages, fonts, images and catalogue:
 * then it digests every byte written so far and the information's other entries.
 */
final class FileIdentifier extends PdfArray {

    private final Fingerprint written;
    private final PdfDictionary info;
    private boolean fixed;

    private FileIdentifier(Fingerprint written, PdfDictionary info) {
        this.written = written;
        this.info = info;
    }

    /**
     * Makes the identifier of the file {@code writer} writes through {@code written} (the stream
     * the writer was opened on) and hands it to the writer.
     */
    static void install(PdfWriter writer, Fingerprint written) {
        writer.getInfo().put(PdfName.FILEID, new FileIdentifier(written, writer.getInfo()));
    }

    @Override
    public void toPdf(PdfWriter writer, OutputStream os) throws IOException {
        if (!fixed) {
            fixed = true;
            os.flush(); // every byte written before this one reaches the fingerprint
            PdfString id = new PdfString(written.digest(infoBytes(writer))).setHexWriting(true);
            add(id); // the first identifier (the file's "permanent" one) and this version's: the same
            add(id);
        }
        super.toPdf(writer, os);
    }

    /** The information entries other than this one, in name order. */
    private byte[] infoBytes(PdfWriter writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (PdfName key : info.getKeys().stream().sorted(Comparator.comparing(PdfName::toString)).toList()) {
            if (!PdfName.FILEID.equals(key)) {
                key.toPdf(writer, out);
                out.write(' ');
                info.get(key).toPdf(writer, out);
            }
        }
        return out.toByteArray();
    }

    /** An output stream that keeps checksums of everything written through it. */
    static final class Fingerprint extends FilterOutputStream {

        private final CRC32C crc32c = new CRC32C();
        private final CRC32 crc32 = new CRC32();
        private long count;

        Fingerprint(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc32c.update(b);
            crc32.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc32c.update(b, off, len);
            crc32.update(b, off, len);
            count += len;
        }

        /**
         * 16 bytes: CRC-32C and CRC-32 of everything written so far, CRC-32C of {@code more}, and
         * the count of bytes written. An identifier needs no cryptographic strength, and these
         * checksums cost nearly nothing (the JVM computes them with CPU instructions).
         */
        byte[] digest(byte[] more) {
            CRC32C extra = new CRC32C();
            extra.update(more);
            return ByteBuffer.allocate(16).putInt((int) crc32c.getValue()).putInt((int) crc32.getValue())
                    .putInt((int) extra.getValue()).putInt((int) count).array();
        }
    }
}
