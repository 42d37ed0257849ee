package dev.brochure.typeset.flow;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import dev.brochure.diag.Diagnostics;
import dev.brochure.layout.tree.Block;
import dev.brochure.typeset.page.PageItem;
import dev.brochure.typeset.page.Rect;
import dev.brochure.vocab.Align;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A QR code block: the data encoded by ZXing (byte mode in UTF-8, the smallest version that
 * holds it at the asked error correction), its modules laid out as a square of the asked size
 * with its quiet zone, for the renderer to draw as vector squares. A web or e-mail address in a
 * code is also a link on it.
 */
final class QrBox {

    private static final Pattern LINK = Pattern.compile("(?i)^(https?://|mailto:)\\S+$");

    private QrBox() {
    }

    static VItem.VBox qr(Block.Qr q, double available, Diagnostics diagnostics) {
        double size = Math.min(q.size(), available);
        QRCode code;
        try {
            code = Encoder.encode(q.data(), level(q.errorCorrection()),
                    Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
        } catch (WriterException e) {
            diagnostics.error(q.where(), String.format(Locale.ROOT,
                    "a QR code cannot hold these %d characters at error correction %s", q.data().length(),
                    q.errorCorrection()), "shorten the link or text, or use error-correction=\"L\"");
            return new VItem.VBox(0, List.of(), List.of(), Double.NaN, q.where());
        }
        ByteMatrix matrix = code.getMatrix();
        int n = matrix.getWidth();
        boolean[] dark = new boolean[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                dark[row * n + col] = matrix.get(col, row) == 1;
            }
        }
        double module = size / (n + 2.0 * q.quietZone());
        double x = switch (q.align() == null ? Align.LEFT : q.align()) {
            case CENTER -> (available - size) / 2;
            case RIGHT -> available - size;
            default -> 0;
        };
        List<PageItem> items = new ArrayList<>();
        if (q.background() != null) {
            items.add(new PageItem.Box(new Rect(x, 0, size, size), q.background(), null, 0, 0));
        }
        double inset = q.quietZone() * module;
        items.add(new PageItem.QrCode(x + inset, inset, module, n, dark, q.color(), q.data(), q.alt()));
        if (LINK.matcher(q.data()).matches()) {
            items.add(new PageItem.Link(new Rect(x + inset, inset, n * module, n * module), q.data()));
        }
        return new VItem.VBox(size, items, List.of(), Double.NaN, q.where()).withKind("qr");
    }

    private static ErrorCorrectionLevel level(char c) {
        return switch (c) {
            case 'L' -> ErrorCorrectionLevel.L;
            case 'Q' -> ErrorCorrectionLevel.Q;
            case 'H' -> ErrorCorrectionLevel.H;
            default -> ErrorCorrectionLevel.M;
        };
    }
}
