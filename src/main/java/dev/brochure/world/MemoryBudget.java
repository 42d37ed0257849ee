package dev.brochure.world;

import java.util.Locale;

/**
 * How much of the input one build may take on, so that an input too large for the memory Java
 * may use ends in a message naming what was too large, checked before the large allocation,
 * instead of an {@link OutOfMemoryError} somewhere in the middle. Each allowance is the smaller
 * of a fixed limit (larger than any brochure needs; it also bounds the time a build takes) and
 * a share of the heap ({@code -Xmx}), from costs measured on the OPTML brochure and on the
 * bad-input matrix's cases (see docs/robustness.md).
 *
 * @param heapBytes the most memory Java may use ({@link Runtime#maxMemory()})
 */
public record MemoryBudget(long heapBytes) {

    private static final long MB = 1024 * 1024;

    /** Section files of one build, together: 140 times the OPTML brochure's 28 KB, some 800 dense pages. */
    public static final long MAX_TEXT_BYTES = 4 * MB;
    /**
     * Heap per byte of section text while it is typeset and written: measured 15–20 bytes (12 MB
     * of text fits 300 MB); twice that leaves room for the rest of the build.
     */
    static final long HEAP_PER_TEXT_BYTE = 40;
    /** What a build needs whatever its content: the tool, fonts, hyphenation patterns. */
    static final long BASE_HEAP = 64 * MB;
    /** Pages of one build: more than any brochure; 40,000 empty pages took 30 s and 1 GB. */
    public static final int MAX_PAGES = 5000;
    /** A font file: CJK fonts are some 20 MB; the file is held two or three times while embedded. */
    public static final long MAX_FONT_BYTES = 64 * MB;

    /** The budget of this process's heap. */
    public static MemoryBudget ofThisProcess() {
        return new MemoryBudget(Runtime.getRuntime().maxMemory());
    }

    /** Bytes of section files one build may typeset. */
    public long textBytes() {
        return Math.min(MAX_TEXT_BYTES, Math.max(MB / 4, (heapBytes - BASE_HEAP) / HEAP_PER_TEXT_BYTE));
    }

    /** Pages one build may have. */
    public int pages() {
        return (int) Math.min(MAX_PAGES, Math.max(100, heapBytes / (64 * 1024)));
    }

    /** Bytes of a font file. */
    public long fontBytes() {
        return Math.min(MAX_FONT_BYTES, heapBytes / 8);
    }

    /** Bytes that decoding (and resampling) one image may take; images are decoded one at a time. */
    public long imageBytes() {
        return heapBytes / 2;
    }

    /** Bytes an image may take and still be decoded while another one is (prefetching on all cores). */
    public long parallelImageBytes() {
        return heapBytes / 8;
    }

    /**
     * Bytes of the PDF being written: it is held in memory until its identifier is stamped, and
     * copied once then; its images, embedded whole under the print profile, take the most room.
     */
    public long pdfBytes() {
        return heapBytes / 4;
    }

    /** Bytes a process-wide cache of decoded images may keep. */
    public long cacheBytes() {
        return Math.min(128 * MB, heapBytes / 8);
    }

    /** "the 512 MB of memory Java may use here", for messages. */
    public String heap() {
        return "the " + heapBytes / MB + " MB of memory Java may use here";
    }

    /** Bytes as people read them: "4 MB", "600 KB", "1.5 MB". */
    public static String size(long bytes) {
        if (bytes >= MB) {
            double mb = bytes / (double) MB;
            return (mb >= 10 || mb == Math.rint(mb) ? String.valueOf(Math.round(mb))
                    : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
        }
        return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }

    /** Whether {@code allowed} is the heap's share rather than the fixed limit {@code fixed}. */
    public static boolean boundByHeap(long allowed, long fixed) {
        return allowed < fixed;
    }
}
