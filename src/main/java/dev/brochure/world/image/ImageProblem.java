package dev.brochure.world.image;

/** An image file that cannot be used, with what to do about it. */
public final class ImageProblem extends Exception {

    private final String hint;

    ImageProblem(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }

    static ImageProblem truncated(String format) {
        return new ImageProblem("the " + format + " file ends early (it is truncated)",
                "the file was probably not copied completely; copy or export it again");
    }

    static ImageProblem corrupt(String format, String detail) {
        return new ImageProblem("the " + format + " file is corrupt (" + detail + ")",
                "open it in an image editor and export it again");
    }
}
