package dev.brochure.cli;

/**
 * What a command was doing when it ran out of memory or stack, read from the error's own stack
 * frames (the trace itself is never printed): the stage, and the input that most likely made
 * it so large.
 */
final class OutOfMemory {

    private OutOfMemory() {
    }

    /** A stage and what, in it, grows with the input. */
    private record Stage(String prefix, String doing, String cause) {
    }

    private static final java.util.List<Stage> STAGES = java.util.List.of(
        new Stage("dev.brochure.render.PdfFonts", "embedding fonts", "a very large font file"),
        new Stage("dev.brochure.render.Image", "embedding images", "large images (their pixels are decoded in memory)"),
        new Stage("dev.brochure.render.PdfImages", "embedding images", "large images (their pixels are decoded in memory)"),
        new Stage("dev.brochure.render", "writing the PDF", "very many pages or very long text"),
        new Stage("dev.brochure.typeset", "typesetting", "very long text or very many pages; split the content or"
                + " shorten it"),
        new Stage("dev.brochure.layout", "running the layouts", "a layout that produces a huge amount of output"),
        new Stage("freemarker.", "running the layouts", "a layout that produces a huge amount of output"),
        new Stage("dev.brochure.content", "reading the content", "very large content files"),
        new Stage("org.yaml.snakeyaml", "reading the content", "very large content files"),
        new Stage("dev.brochure.world.font", "loading fonts", "a very large font file"),
        new Stage("dev.brochure.world.image", "reading images", "large images"),
        new Stage("dev.brochure.inspect.preview", "rendering page images", "pages too large for the --dpi asked for;"
                + " lower --dpi"),
        new Stage("dev.brochure.inspect", "reading the PDF", "a very large or damaged PDF"),
        new Stage("org.apache.pdfbox", "reading the PDF", "a very large or damaged PDF"),
        new Stage("java.awt.image", "handling images", "large images"),
        new Stage("javax.imageio", "decoding images", "large images"));

    /** The stage that was running, as "typesetting", "embedding images", ... */
    static String where(Throwable e) {
        Stage stage = stage(e);
        return stage == null ? "running" : stage.doing();
    }

    /** The input that most likely needed the memory. */
    static String likelyCause(Throwable e) {
        Stage stage = stage(e);
        return stage == null ? "the input is probably too large" : "the likely cause is " + stage.cause();
    }

    /** The first frame, from the top, of a known stage. */
    private static Stage stage(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            for (Stage stage : STAGES) {
                if (frame.getClassName().startsWith(stage.prefix())) {
                    return stage;
                }
            }
        }
        return null;
    }
}
