import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Generates the brochure's placeholder art: flat illustrations for the campus, event and food
 * photo slots, initials portraits for the people, and plain wordmarks for the partners. Every
 * picture is drawn from a fixed seed, so running it again gives the same files.
 *
 * <p>Run from the repository root with any JDK 17 or newer:
 * <pre>java images/tools/GenerateImages.java</pre>
 * It (re)writes the files listed in images/CREDITS.md. To use a real photo instead, drop it in
 * with the same file name and do not run this tool again (or delete its line in main()).
 */
public final class GenerateImages {

    // The brand palette and the supporting colours of the illustrations.
    static final Color BRAND = rgb(0x18453B);
    static final Color BRAND_DARK = rgb(0x0F2E27);
    static final Color BRAND_MID = rgb(0x2F6B5A);
    static final Color BRAND_LIGHT = rgb(0x7FA99A);
    static final Color TINT = rgb(0xEAF1EE);
    static final Color ACCENT = rgb(0xD9A23A);
    static final Color INK = rgb(0x1F2523);
    static final Color CREAM = rgb(0xF6F1E6);

    static Path root = Path.of(".");
    static Font lato;
    static Font latoBlack;

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            root = Path.of(args[0]);
        }
        lato = Font.createFont(Font.TRUETYPE_FONT, root.resolve("fonts/Lato-Bold.ttf").toFile());
        latoBlack = Font.createFont(Font.TRUETYPE_FONT, root.resolve("fonts/Lato-Black.ttf").toFile());

        jpeg("images/campus/cover-campus.jpg", coverCampus(2600, 2210));
        jpeg("images/campus/optimization-landscape.jpg", landscape(3000, 1687, 11, false));
        jpeg("images/campus/global-optimum.jpg", landscape(2560, 3620, 23, true));
        jpeg("images/campus/red-cedar-winter.jpg", winterRiver(2400, 1600));
        jpeg("images/campus/campus-autumn.jpg", autumnCampus(2400, 1600));
        jpeg("images/campus/mentorship-path.jpg", mentorshipPath(2100, 2625));
        jpeg("images/campus/boundary-stones.jpg", boundaryStones(2000, 1333));
        jpeg("images/events/burggarten.jpg", burggarten(3300, 1650));
        jpeg("images/events/fitch-beach-award.jpg", ceremony(2000, 1500));
        jpeg("images/events/cvpr24-seattle.jpg", seattle(2000, 1500));
        jpeg("images/events/neurips24-vancouver.jpg", vancouver(2000, 1500));
        jpeg("images/events/lake-lansing-hike.jpg", lakeHike(2000, 1500));
        jpeg("images/food/birthday-cake.jpg", birthdayCake(2000, 1500));
        jpeg("images/food/shared-table.jpg", sharedTable(2000, 1500));
        jpeg("images/food/bbq-lake-lansing.jpg", bbq(2000, 1500));
        jpeg("images/food/tonkatsu-hawaii.jpg", tonkatsu(2000, 1500));

        String[][] people = {
            {"sijia-liu", "SL"}, {"yuguang-yao", "YY"}, {"jiancheng-liu", "JL"}, {"yimeng-zhang", "YZ"},
            {"yiwei-chen", "YC"}, {"changsheng-wang", "CW"}, {"changchang-sun", "CS"}, {"chongyu-fan", "CF"},
            {"soumyadeep-pal", "SP"}, {"peter-lorenz", "PL"}, {"zhuoshi-pan", "ZP"}, {"yuhao-sun", "YS"},
            {"brian-zhang", "BZ"},
        };
        for (String[] p : people) {
            jpeg("images/portraits/" + p[0] + ".jpg", portrait(900, p[1]));
        }

        String[][] partners = {
            {"ibm", "IBM"}, {"mit-ibm-watson-ai-lab", "MIT-IBM Watson|AI Lab"}, {"cisco", "Cisco"},
            {"amazon", "Amazon"}, {"amazon-web-services", "Amazon|Web Services"},
            {"national-science-foundation", "National Science|Foundation"}, {"doe", "U.S. Department|of Energy"},
            {"open-philanthropy", "Open|Philanthropy"}, {"dso-national-labs", "DSO National|Laboratories"},
            {"center-for-ai-safety", "Center for|AI Safety"},
        };
        for (String[] p : partners) {
            png("images/logos/" + p[0] + ".png", wordmark(1200, 480, p[1]));
        }
    }

    // ---------------------------------------------------------------- scenes

    static BufferedImage coverCampus(int w, int h) {
        Random r = new Random(101);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        sky(g, w, h * 0.62, rgb(0xF3C98B), rgb(0xF7E6C4));
        sun(g, w * 0.72, h * 0.34, h * 0.09, rgb(0xFFF3D6));
        ridge(g, w, h, h * 0.50, h * 0.05, 0.004, r, rgb(0xC9B79A));
        ridge(g, w, h, h * 0.56, h * 0.04, 0.006, r, rgb(0x8FA88F));
        tower(g, w * 0.28, h * 0.58, h * 0.36, rgb(0x9E5A3C), rgb(0x7D4630));
        building(g, w * 0.36, h * 0.60, w * 0.22, h * 0.12, rgb(0xB06A47), rgb(0xF4D9A8), r);
        building(g, w * 0.02, h * 0.61, w * 0.18, h * 0.10, rgb(0xA6613F), rgb(0xF4D9A8), r);
        ridge(g, w, h, h * 0.64, h * 0.02, 0.003, r, rgb(0x5E8C5A));
        for (int i = 0; i < 26; i++) {
            double x = r.nextDouble() * w;
            deciduous(g, x, h * (0.63 + r.nextDouble() * 0.05), h * (0.05 + r.nextDouble() * 0.04),
                    pick(r, rgb(0xD9822B), rgb(0xC4462A), rgb(0xE8B03A), rgb(0x9C3B24), rgb(0x6E8B3D)), r);
        }
        river(g, w, h, h * 0.74, h * 0.09, rgb(0x5C8FA8), rgb(0xA9CBD6), r);
        ridge(g, w, h, h * 0.86, h * 0.015, 0.002, r, rgb(0x4F7A44));
        for (int i = 0; i < 9; i++) {
            double x = w * (i + 0.3 * r.nextDouble()) / 9;
            deciduous(g, x, h * (0.95 + r.nextDouble() * 0.03), h * (0.09 + r.nextDouble() * 0.04),
                    pick(r, rgb(0xD9822B), rgb(0xB8452A), rgb(0xE3A838)), r);
        }
        grain(img, 3, 5);
        return img;
    }

    /** Contour bands of a surface with several minima, and a descent path to the lowest one. */
    static BufferedImage landscape(int w, int h, long seed, boolean dark) {
        Random r = new Random(seed);
        int n = 7;
        double[][] bumps = new double[n][4];
        for (int i = 0; i < n; i++) {
            bumps[i] = new double[] {r.nextDouble(), r.nextDouble() * h / w, 0.08 + r.nextDouble() * 0.16,
                    (i == 0 ? -1.6 : (r.nextBoolean() ? -0.7 : 0.8)) * (0.6 + r.nextDouble() * 0.5)};
        }
        bumps[0][0] = 0.70;
        bumps[0][1] = 0.56 * h / w;
        BufferedImage img = canvas(w, h);
        double[] field = new double[w * h];
        double[] lowest = {0, 0};
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = surface(bumps, (double) x / w, (double) y / w);
                field[y * w + x] = v;
                if (v < min) {
                    min = v;
                    lowest = new double[] {(double) x / w, (double) y / w};
                }
                max = Math.max(max, v);
            }
        }
        Color lo = dark ? BRAND_DARK : BRAND;
        Color hi = dark ? BRAND_MID : TINT;
        int bands = 14;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = (field[y * w + x] - min) / (max - min);
                double banded = Math.floor(t * bands) / bands;
                double frac = t * bands - Math.floor(t * bands);
                Color c = mix(lo, hi, Math.pow(banded, 0.8));
                if (frac < 0.045) {
                    c = mix(c, dark ? BRAND_LIGHT : BRAND_MID, 0.55);
                }
                img.setRGB(x, y, c.getRGB());
            }
        }
        Graphics2D g = graphics(img);
        // Gradient descent towards the lowest minimum, from the farthest start on the picture's
        // edge that gets there: the path an optimizer takes to the global optimum.
        double aspect = (double) h / w;
        double[] best = null;
        double bestLength = -1;
        for (int i = 1; i < 40; i++) {
            double t = i / 40.0;
            double[][] starts = {{t, 0.02 * aspect}, {0.02, t * aspect}, {t, 0.98 * aspect}, {0.98, t * aspect}};
            for (double[] s : starts) {
                double[] end = descend(bumps, s[0], s[1], aspect, null);
                if (Math.hypot(end[0] - lowest[0], end[1] - lowest[1]) < 0.03 && end[2] > bestLength) {
                    bestLength = end[2];
                    best = s;
                }
            }
        }
        if (best == null) {
            best = new double[] {lowest[0] - 0.25, lowest[1] - 0.1};
        }
        Path2D path = new Path2D.Double();
        List<double[]> dots = new ArrayList<>();
        double[] end = descend(bumps, best[0], best[1], aspect, new Object[] {path, dots, (double) w});
        double px = end[0];
        double py = end[1];
        g.setStroke(new BasicStroke(w / 300f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {w / 110f, w / 160f}, 0));
        g.setColor(new Color(255, 255, 255, 210));
        g.draw(path);
        g.setColor(ACCENT);
        for (double[] d : dots) {
            double s = w / 260.0;
            g.fill(new Ellipse2D.Double(d[0] - s, d[1] - s, 2 * s, 2 * s));
        }
        double s = w / 70.0;
        g.setColor(new Color(217, 162, 58, 90));
        g.fill(new Ellipse2D.Double(px * w - 2 * s, py * w - 2 * s, 4 * s, 4 * s));
        g.setColor(ACCENT);
        g.fill(star(px * w, py * w, s, s * 0.45));
        grain(img, 2, seed);
        return img;
    }

    static double surface(double[][] bumps, double x, double y) {
        double v = 0.15 * Math.sin(3.1 * x + 1.3) * Math.cos(2.3 * y - 0.4);
        for (double[] b : bumps) {
            double dx = x - b[0];
            double dy = y - b[1];
            v += b[3] * Math.exp(-(dx * dx + dy * dy) / (2 * b[2] * b[2]));
        }
        return v;
    }

    /** Follows the surface downhill; returns {x, y, path length}; draws into {path, dots, scale} if given. */
    static double[] descend(double[][] bumps, double px, double py, double aspect, Object[] draw) {
        Path2D path = draw == null ? null : (Path2D) draw[0];
        @SuppressWarnings("unchecked")
        List<double[]> dots = draw == null ? null : (List<double[]>) draw[1];
        double scale = draw == null ? 1 : (Double) draw[2];
        if (path != null) {
            path.moveTo(px * scale, py * scale);
        }
        double length = 0;
        for (int i = 0; i < 3000; i++) {
            double e = 1e-4;
            double gx = (surface(bumps, px + e, py) - surface(bumps, px - e, py)) / (2 * e);
            double gy = (surface(bumps, px, py + e) - surface(bumps, px, py - e)) / (2 * e);
            double len = Math.hypot(gx, gy);
            if (len < 1e-3) {
                break;
            }
            double step = Math.min(0.004, 0.0009 * len);
            px -= step * gx / len;
            py -= step * gy / len;
            length += step;
            if (px < 0 || px > 1 || py < 0 || py > aspect) {
                return new double[] {px, py, -1};
            }
            if (path != null) {
                path.lineTo(px * scale, py * scale);
                if (i % 40 == 0) {
                    dots.add(new double[] {px * scale, py * scale});
                }
            }
        }
        return new double[] {px, py, length};
    }

    static BufferedImage winterRiver(int w, int h) {
        Random r = new Random(202);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        sky(g, w, h * 0.6, rgb(0xB9CCD8), rgb(0xE9EEF1));
        sun(g, w * 0.25, h * 0.22, h * 0.06, rgb(0xF7F4EC));
        ridge(g, w, h, h * 0.42, h * 0.03, 0.004, r, rgb(0xA9B8C2));
        for (int i = 0; i < 40; i++) {
            conifer(g, r.nextDouble() * w, h * (0.46 + r.nextDouble() * 0.04), h * (0.10 + r.nextDouble() * 0.08),
                    mix(BRAND_DARK, rgb(0x6F8790), 0.55), true);
        }
        ridge(g, w, h, h * 0.50, h * 0.01, 0.003, r, rgb(0xF4F6F7));
        for (int i = 0; i < 12; i++) {
            bareTree(g, w * (0.05 + 0.9 * r.nextDouble()), h * (0.52 + r.nextDouble() * 0.04),
                    h * (0.14 + r.nextDouble() * 0.10), rgb(0x5A5552), r);
        }
        river(g, w, h, h * 0.66, h * 0.16, rgb(0x44667A), rgb(0x8FB0C1), r);
        ridge(g, w, h, h * 0.86, h * 0.02, 0.002, r, rgb(0xF6F8F9));
        g.setColor(rgb(0xDCE4E8));
        for (int i = 0; i < 14; i++) {
            double x = r.nextDouble() * w;
            g.fill(new Ellipse2D.Double(x, h * (0.9 + r.nextDouble() * 0.08), w * 0.08, h * 0.015));
        }
        bareTree(g, w * 0.84, h * 1.0, h * 0.5, rgb(0x3F3A38), r);
        snow(g, w, h, r, 260);
        grain(img, 2, 202);
        return img;
    }

    static BufferedImage autumnCampus(int w, int h) {
        Random r = new Random(303);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        sky(g, w, h * 0.6, rgb(0x8DB8D6), rgb(0xE4EEF2));
        ridge(g, w, h, h * 0.52, h * 0.03, 0.004, r, rgb(0xB7C7A6));
        building(g, w * 0.30, h * 0.56, w * 0.40, h * 0.20, rgb(0xA9593A), rgb(0xF2E3C2), r);
        tower(g, w * 0.50, h * 0.56, h * 0.42, rgb(0x98503A), rgb(0x7A3F2D));
        for (int i = 0; i < 14; i++) {
            double x = w * (i / 13.0) + r.nextGaussian() * 20;
            if (x > w * 0.3 && x < w * 0.7) {
                continue;
            }
            deciduous(g, x, h * (0.70 + r.nextDouble() * 0.04), h * (0.16 + r.nextDouble() * 0.07),
                    pick(r, rgb(0xE07B22), rgb(0xC8402A), rgb(0xEBB237), rgb(0xA9362A)), r);
        }
        g.setColor(rgb(0x6D9A4A));
        g.fill(new Rectangle2D.Double(0, h * 0.72, w, h * 0.28));
        // A path across the lawn towards the tower.
        Path2D walk = new Path2D.Double();
        walk.moveTo(w * 0.47, h * 0.72);
        walk.lineTo(w * 0.53, h * 0.72);
        walk.curveTo(w * 0.58, h * 0.82, w * 0.78, h * 0.9, w * 0.86, h);
        walk.lineTo(w * 0.56, h);
        walk.curveTo(w * 0.54, h * 0.9, w * 0.46, h * 0.8, w * 0.47, h * 0.72);
        g.setColor(rgb(0xD9CBB0));
        g.fill(walk);
        g.setColor(rgb(0xE8943A));
        for (int i = 0; i < 900; i++) {
            double x = r.nextDouble() * w;
            double y = h * (0.72 + r.nextDouble() * 0.28);
            g.setColor(pick(r, rgb(0xE07B22), rgb(0xC8402A), rgb(0xEBB237)));
            double s = w * (0.003 + 0.004 * r.nextDouble()) * (y / h);
            g.fill(new Ellipse2D.Double(x, y, s * 1.6, s));
        }
        deciduous(g, w * 0.08, h * 1.02, h * 0.42, rgb(0xD8641F), r);
        deciduous(g, w * 0.95, h * 1.02, h * 0.36, rgb(0xB8382A), r);
        grain(img, 2, 303);
        return img;
    }

    static BufferedImage mentorshipPath(int w, int h) {
        Random r = new Random(404);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        sky(g, w, h * 0.5, rgb(0xF1D6A6), rgb(0xF8EEDC));
        sun(g, w * 0.62, h * 0.20, w * 0.09, rgb(0xFFF6E2));
        ridge(g, w, h, h * 0.30, h * 0.06, 0.003, r, rgb(0xB6C3B2));
        ridge(g, w, h, h * 0.40, h * 0.05, 0.004, r, BRAND_LIGHT);
        ridge(g, w, h, h * 0.52, h * 0.05, 0.003, r, BRAND_MID);
        ridge(g, w, h, h * 0.66, h * 0.04, 0.003, r, BRAND);
        // A winding path of steps up to the summit flag.
        Path2D path = new Path2D.Double();
        path.moveTo(w * 0.30, h);
        path.curveTo(w * 0.75, h * 0.85, w * 0.15, h * 0.62, w * 0.55, h * 0.47);
        path.curveTo(w * 0.70, h * 0.40, w * 0.45, h * 0.34, w * 0.56, h * 0.29);
        g.setStroke(new BasicStroke(w * 0.03f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(rgb(0xE9DCC0));
        g.draw(path);
        g.setStroke(new BasicStroke(w * 0.006f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[] {w * 0.012f, w * 0.02f}, 0));
        g.setColor(rgb(0xC9B58E));
        g.draw(path);
        double fx = w * 0.56;
        double fy = h * 0.29;
        g.setStroke(new BasicStroke(w * 0.006f));
        g.setColor(INK);
        g.draw(new java.awt.geom.Line2D.Double(fx, fy, fx, fy - h * 0.07));
        Path2D flag = new Path2D.Double();
        flag.moveTo(fx, fy - h * 0.07);
        flag.lineTo(fx + w * 0.09, fy - h * 0.058);
        flag.lineTo(fx, fy - h * 0.046);
        flag.closePath();
        g.setColor(ACCENT);
        g.fill(flag);
        for (int i = 0; i < 22; i++) {
            double x = r.nextDouble() * w;
            double y = h * (0.70 + r.nextDouble() * 0.3);
            conifer(g, x, y, h * (0.08 + 0.06 * (y / h)), mix(BRAND_DARK, BRAND, r.nextDouble()), false);
        }
        person(g, w * 0.47, h * 0.805, h * 0.06, ACCENT, rgb(0x6B4A35));
        person(g, w * 0.53, h * 0.815, h * 0.055, CREAM, rgb(0x3B2A20));
        grain(img, 2, 404);
        return img;
    }

    static BufferedImage boundaryStones(int w, int h) {
        Random r = new Random(505);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        sky(g, w, h * 0.55, rgb(0x9CC3DA), rgb(0xE8F1F4));
        for (int i = 0; i < 16; i++) {
            deciduous(g, w * (i / 15.0) + r.nextGaussian() * 30, h * (0.50 + r.nextDouble() * 0.03),
                    h * (0.12 + r.nextDouble() * 0.06), pick(r, rgb(0x3E7A45), rgb(0x2F6B3F), rgb(0x578F4B)), r);
        }
        g.setPaint(new GradientPaint(0, (float) (h * 0.52), rgb(0x7DAA55), 0, h, rgb(0x4F8A3C)));
        g.fill(new Rectangle2D.Double(0, h * 0.52, w, h * 0.48));
        g.setColor(rgb(0x5E9645));
        for (int i = 0; i < 1500; i++) {
            double x = r.nextDouble() * w;
            double y = h * (0.53 + r.nextDouble() * 0.47);
            double s = 2 + 6 * (y / h);
            g.fill(new Rectangle2D.Double(x, y, s * 0.4, s * 2));
        }
        stone(g, w * 0.30, h * 0.80, w * 0.20, h * 0.22, rgb(0xA7A29A), r);
        stone(g, w * 0.56, h * 0.78, w * 0.26, h * 0.30, rgb(0xB9B2A6), r);
        stone(g, w * 0.80, h * 0.86, w * 0.14, h * 0.14, rgb(0x9C978F), r);
        // The carved marker plate on the largest stone.
        g.setColor(new Color(70, 66, 60, 150));
        g.fill(new RoundRectangle2D.Double(w * 0.50, h * 0.62, w * 0.12, h * 0.07, 14, 14));
        g.setColor(new Color(240, 236, 228, 120));
        g.setStroke(new BasicStroke(4f));
        g.draw(new java.awt.geom.Line2D.Double(w * 0.515, h * 0.645, w * 0.605, h * 0.645));
        g.draw(new java.awt.geom.Line2D.Double(w * 0.515, h * 0.665, w * 0.585, h * 0.665));
        grain(img, 2, 505);
        return img;
    }

    static BufferedImage burggarten(int w, int h) {
        Random r = new Random(606);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        sky(g, w, h * 0.6, rgb(0xA9CFE3), rgb(0xEFF5F0));
        ridge(g, w, h, h * 0.45, h * 0.04, 0.004, r, rgb(0x86AE7A));
        for (int i = 0; i < 22; i++) {
            deciduous(g, r.nextDouble() * w, h * (0.50 + r.nextDouble() * 0.04), h * (0.14 + r.nextDouble() * 0.08),
                    pick(r, rgb(0x3C7A44), rgb(0x5B9A4E), rgb(0x2E6A3D)), r);
        }
        g.setColor(rgb(0x7DB35A));
        g.fill(new Rectangle2D.Double(0, h * 0.56, w, h * 0.44));
        for (int bed = 0; bed < 3; bed++) {
            double y = h * (0.62 + bed * 0.12);
            for (int i = 0; i < 260; i++) {
                g.setColor(pick(r, rgb(0xE85D75), rgb(0xF2C14E), rgb(0xF7F2E8), rgb(0xB25FB0), rgb(0xEF8A3A)));
                double s = w * (0.004 + 0.004 * bed);
                g.fill(new Ellipse2D.Double(r.nextDouble() * w, y + r.nextDouble() * h * 0.05, s, s));
            }
        }
        group(g, w * 0.28, h * 0.78, h * 0.30, 7, r);
        grain(img, 2, 606);
        return img;
    }

    static BufferedImage ceremony(int w, int h) {
        Random r = new Random(707);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        g.setPaint(new GradientPaint(0, 0, BRAND_DARK, 0, h, BRAND));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        // Spotlights and a stage with a lectern.
        for (int i = 0; i < 3; i++) {
            double x = w * (0.25 + 0.25 * i);
            Path2D beam = new Path2D.Double();
            beam.moveTo(x - w * 0.02, 0);
            beam.lineTo(x + w * 0.02, 0);
            beam.lineTo(x + w * 0.16, h * 0.78);
            beam.lineTo(x - w * 0.16, h * 0.78);
            beam.closePath();
            g.setColor(new Color(255, 240, 200, 28));
            g.fill(beam);
        }
        g.setColor(rgb(0x2A1E17));
        g.fill(new Rectangle2D.Double(0, h * 0.78, w, h * 0.22));
        g.setColor(rgb(0x4A3426));
        g.fill(new Rectangle2D.Double(0, h * 0.76, w, h * 0.03));
        g.setColor(ACCENT);
        g.fill(new Rectangle2D.Double(w * 0.1, h * 0.12, w * 0.8, h * 0.012));
        for (int i = 0; i < 40; i++) {
            double x = w * (0.1 + 0.8 * r.nextDouble());
            g.setColor(new Color(255, 230, 160, 80 + r.nextInt(120)));
            double s = w * 0.004;
            g.fill(new Ellipse2D.Double(x, h * (0.16 + 0.1 * r.nextDouble()), s, s));
        }
        group(g, w * 0.22, h * 0.76, h * 0.38, 5, r);
        // The award: a small trophy on the lectern.
        g.setColor(rgb(0x5B3F2E));
        g.fill(new Rectangle2D.Double(w * 0.74, h * 0.52, w * 0.12, h * 0.25));
        g.setColor(ACCENT);
        g.fill(new Ellipse2D.Double(w * 0.777, h * 0.40, w * 0.046, w * 0.046));
        g.fill(new Rectangle2D.Double(w * 0.795, h * 0.45, w * 0.01, h * 0.05));
        g.fill(new Rectangle2D.Double(w * 0.78, h * 0.495, w * 0.04, h * 0.025));
        grain(img, 3, 707);
        return img;
    }

    static BufferedImage seattle(int w, int h) {
        Random r = new Random(808);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        sky(g, w, h * 0.7, rgb(0x9EB9CF), rgb(0xE3E9EE));
        // A snow-capped mountain behind the skyline.
        Path2D mountain = new Path2D.Double();
        mountain.moveTo(w * 0.45, h * 0.6);
        mountain.lineTo(w * 0.70, h * 0.18);
        mountain.lineTo(w * 0.98, h * 0.6);
        mountain.closePath();
        g.setColor(rgb(0xB8C6D2));
        g.fill(mountain);
        Path2D cap = new Path2D.Double();
        cap.moveTo(w * 0.64, h * 0.28);
        cap.lineTo(w * 0.70, h * 0.18);
        cap.lineTo(w * 0.76, h * 0.28);
        cap.lineTo(w * 0.72, h * 0.26);
        cap.lineTo(w * 0.69, h * 0.30);
        cap.closePath();
        g.setColor(Color.WHITE);
        g.fill(cap);
        skyline(g, w, h * 0.62, h * 0.25, r, rgb(0x56687A));
        needle(g, w * 0.2, h * 0.62, h * 0.5);
        g.setColor(rgb(0xEDE7DA));
        g.fill(new Rectangle2D.Double(0, h * 0.62, w, h * 0.38));
        // Poster boards of a conference hall.
        for (int i = 0; i < 3; i++) {
            double x = w * (0.06 + 0.32 * i);
            g.setColor(rgb(0x8D8A84));
            g.fill(new Rectangle2D.Double(x + w * 0.12, h * 0.85, w * 0.01, h * 0.15));
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(x, h * 0.64, w * 0.25, h * 0.22));
            g.setColor(i == 1 ? BRAND : BRAND_MID);
            g.fill(new Rectangle2D.Double(x, h * 0.64, w * 0.25, h * 0.035));
            g.setColor(rgb(0xC9D6D0));
            for (int k = 0; k < 4; k++) {
                g.fill(new Rectangle2D.Double(x + w * (0.01 + 0.06 * k), h * 0.70, w * 0.05, h * 0.12));
            }
        }
        group(g, w * 0.18, h * 0.99, h * 0.30, 6, r);
        grain(img, 2, 808);
        return img;
    }

    static BufferedImage vancouver(int w, int h) {
        Random r = new Random(909);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        sky(g, w, h * 0.6, rgb(0x6F9CC0), rgb(0xDCE8EF));
        ridge(g, w, h, h * 0.34, h * 0.12, 0.0035, r, rgb(0x6C8598));
        ridge(g, w, h, h * 0.44, h * 0.07, 0.005, r, rgb(0x44665F));
        skyline(g, w, h * 0.60, h * 0.22, r, rgb(0x3F5566));
        g.setPaint(new GradientPaint(0, (float) (h * 0.6), rgb(0x3E6F8A), 0, h, rgb(0x7FA8BE)));
        g.fill(new Rectangle2D.Double(0, h * 0.6, w, h * 0.4));
        g.setColor(new Color(255, 255, 255, 70));
        for (int i = 0; i < 60; i++) {
            double y = h * (0.62 + 0.36 * r.nextDouble());
            g.fill(new Rectangle2D.Double(r.nextDouble() * w, y, w * (0.03 + 0.05 * r.nextDouble()), 3));
        }
        // A harbour promenade in front.
        g.setColor(rgb(0xCBBFA8));
        g.fill(new Rectangle2D.Double(0, h * 0.84, w, h * 0.16));
        g.setColor(rgb(0x8E8472));
        g.fill(new Rectangle2D.Double(0, h * 0.84, w, h * 0.012));
        group(g, w * 0.30, h * 0.99, h * 0.32, 7, r);
        grain(img, 2, 909);
        return img;
    }

    static BufferedImage lakeHike(int w, int h) {
        Random r = new Random(1010);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        sky(g, w, h * 0.5, rgb(0xF2C48D), rgb(0xF9E7C9));
        sun(g, w * 0.35, h * 0.30, h * 0.08, rgb(0xFFF1D4));
        ridge(g, w, h, h * 0.42, h * 0.03, 0.004, r, rgb(0x8C9E7A));
        for (int i = 0; i < 30; i++) {
            conifer(g, r.nextDouble() * w, h * (0.46 + r.nextDouble() * 0.02), h * (0.08 + r.nextDouble() * 0.06),
                    mix(BRAND, rgb(0x7B8E64), r.nextDouble() * 0.5), false);
        }
        g.setPaint(new GradientPaint(0, (float) (h * 0.47), rgb(0xE9B986), 0, (float) (h * 0.7), rgb(0x6E98A8)));
        g.fill(new Rectangle2D.Double(0, h * 0.47, w, h * 0.25));
        g.setColor(new Color(255, 240, 210, 120));
        for (int i = 0; i < 40; i++) {
            double y = h * (0.49 + 0.2 * r.nextDouble());
            g.fill(new Rectangle2D.Double(w * 0.25 + r.nextGaussian() * w * 0.08, y, w * 0.05, 3));
        }
        g.setColor(rgb(0x8BA35C));
        g.fill(new Rectangle2D.Double(0, h * 0.70, w, h * 0.30));
        Path2D trail = new Path2D.Double();
        trail.moveTo(0, h * 0.86);
        trail.curveTo(w * 0.3, h * 0.78, w * 0.6, h * 0.92, w, h * 0.80);
        trail.lineTo(w, h * 0.86);
        trail.curveTo(w * 0.6, h * 0.98, w * 0.3, h * 0.84, 0, h * 0.92);
        trail.closePath();
        g.setColor(rgb(0xD6C09A));
        g.fill(trail);
        for (int i = 0; i < 5; i++) {
            double x = w * (0.30 + 0.09 * i);
            person(g, x, h * (0.88 + 0.01 * Math.sin(i)), h * 0.16, pick(r, ACCENT, BRAND_MID, rgb(0xC4462A), CREAM),
                    pick(r, rgb(0x3B2A20), rgb(0x6B4A35), rgb(0x2B2B2B)));
        }
        deciduous(g, w * 0.05, h * 1.0, h * 0.45, rgb(0x4E8A43), r);
        deciduous(g, w * 0.93, h * 1.0, h * 0.4, rgb(0xD9822B), r);
        grain(img, 2, 1010);
        return img;
    }

    static BufferedImage birthdayCake(int w, int h) {
        Random r = new Random(1111);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        g.setPaint(new RadialGradientPaint((float) (w * 0.5), (float) (h * 0.35), (float) (w * 0.7),
                new float[] {0f, 1f}, new Color[] {rgb(0x2F6B5A), BRAND_DARK}));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        bokeh(g, w, h * 0.6, r, new Color(255, 214, 140, 40), 40);
        g.setColor(rgb(0xE9E2D4));
        g.fill(new Rectangle2D.Double(0, h * 0.72, w, h * 0.28));
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(w * 0.22, h * 0.70, w * 0.56, h * 0.12));
        // Two tiers of cake with icing drips and candles.
        tier(g, w * 0.28, h * 0.50, w * 0.44, h * 0.25, rgb(0xF4D7E0), rgb(0xE58FA8));
        tier(g, w * 0.35, h * 0.33, w * 0.30, h * 0.19, rgb(0xFBEFF2), rgb(0xE58FA8));
        for (int i = 0; i < 5; i++) {
            double x = w * (0.39 + 0.055 * i);
            g.setColor(pick(r, ACCENT, rgb(0x7FB3D5), rgb(0xE85D75)));
            g.fill(new RoundRectangle2D.Double(x, h * 0.22, w * 0.012, h * 0.12, 6, 6));
            g.setColor(new Color(255, 220, 120, 90));
            g.fill(new Ellipse2D.Double(x - w * 0.012, h * 0.15, w * 0.036, h * 0.075));
            g.setColor(rgb(0xFFC145));
            g.fill(new Ellipse2D.Double(x - w * 0.001, h * 0.18, w * 0.014, h * 0.04));
        }
        confetti(g, w, h, r, 120);
        grain(img, 2, 1111);
        return img;
    }

    static BufferedImage sharedTable(int w, int h) {
        Random r = new Random(1212);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        g.setColor(rgb(0x8A5A3C));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        g.setColor(rgb(0x7A4E33));
        for (int i = 0; i < 9; i++) {
            g.fill(new Rectangle2D.Double(0, h * i / 9.0, w, 6));
        }
        // Plates seen from above: a shared meal.
        plate(g, w * 0.28, h * 0.35, w * 0.17, rgb(0xE2A23A), rgb(0x5E9645), r);
        plate(g, w * 0.68, h * 0.30, w * 0.15, rgb(0xC8452A), rgb(0xF2E6C8), r);
        plate(g, w * 0.50, h * 0.70, w * 0.16, rgb(0xF2E6C8), rgb(0x6E8B3D), r);
        plate(g, w * 0.15, h * 0.80, w * 0.09, rgb(0x7B3F2A), rgb(0xE9C46A), r);
        plate(g, w * 0.86, h * 0.74, w * 0.10, rgb(0xE9C46A), rgb(0xC8452A), r);
        g.setColor(rgb(0xF4EDE0));
        g.setStroke(new BasicStroke(w * 0.006f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Line2D.Double(w * 0.40, h * 0.05, w * 0.46, h * 0.2));
        g.draw(new java.awt.geom.Line2D.Double(w * 0.42, h * 0.04, w * 0.48, h * 0.19));
        grain(img, 3, 1212);
        return img;
    }

    static BufferedImage bbq(int w, int h) {
        Random r = new Random(1313);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        sky(g, w, h * 0.5, rgb(0xF0B27A), rgb(0xF7DDBA));
        ridge(g, w, h, h * 0.38, h * 0.02, 0.004, r, rgb(0x9C8A6A));
        for (int i = 0; i < 24; i++) {
            deciduous(g, r.nextDouble() * w, h * (0.42 + r.nextDouble() * 0.02), h * (0.07 + r.nextDouble() * 0.05),
                    pick(r, rgb(0xD9822B), rgb(0xB8452A), rgb(0xE3A838), rgb(0x6E8B3D)), r);
        }
        g.setColor(rgb(0x7FA3AE));
        g.fill(new Rectangle2D.Double(0, h * 0.43, w, h * 0.14));
        g.setColor(rgb(0x9AAE62));
        g.fill(new Rectangle2D.Double(0, h * 0.57, w, h * 0.43));
        // A kettle grill with skewers and a wisp of smoke.
        double cx = w * 0.5;
        g.setColor(rgb(0x2B2B2B));
        g.setStroke(new BasicStroke(w * 0.008f));
        g.draw(new java.awt.geom.Line2D.Double(cx - w * 0.12, h * 0.80, cx - w * 0.18, h * 0.98));
        g.draw(new java.awt.geom.Line2D.Double(cx + w * 0.12, h * 0.80, cx + w * 0.18, h * 0.98));
        g.fill(new java.awt.geom.Arc2D.Double(cx - w * 0.22, h * 0.50, w * 0.44, h * 0.40, 180, 180,
                java.awt.geom.Arc2D.CHORD));
        g.setColor(rgb(0x555555));
        g.setStroke(new BasicStroke(w * 0.004f));
        for (int i = 0; i < 9; i++) {
            double x = cx - w * 0.2 + i * w * 0.05;
            g.draw(new java.awt.geom.Line2D.Double(x, h * 0.685, x + w * 0.01, h * 0.715));
        }
        for (int s = 0; s < 4; s++) {
            double y = h * (0.66 + 0.012 * s);
            double x0 = cx - w * 0.18 + s * w * 0.02;
            g.setColor(rgb(0x9A7B55));
            g.setStroke(new BasicStroke(w * 0.003f));
            g.draw(new java.awt.geom.Line2D.Double(x0, y, x0 + w * 0.32, y - h * 0.02));
            for (int k = 0; k < 6; k++) {
                g.setColor(pick(r, rgb(0x8B3A1E), rgb(0xC8452A), rgb(0xE9C46A), rgb(0x5E9645)));
                double x = x0 + w * (0.03 + 0.045 * k);
                g.fill(new RoundRectangle2D.Double(x, y - h * 0.02 - k * h * 0.003, w * 0.035, h * 0.035, 10, 10));
            }
        }
        g.setColor(new Color(255, 255, 255, 60));
        for (int i = 0; i < 12; i++) {
            double y = h * (0.6 - 0.04 * i);
            double x = cx + Math.sin(i * 0.8) * w * 0.03;
            g.fill(new Ellipse2D.Double(x - w * 0.03, y - h * 0.03, w * 0.06 + i * 3, h * 0.06));
        }
        grain(img, 2, 1313);
        return img;
    }

    static BufferedImage tonkatsu(int w, int h) {
        Random r = new Random(1414);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        sky(g, w, h * 0.45, rgb(0x79C2E0), rgb(0xD8F0F6));
        g.setPaint(new GradientPaint(0, (float) (h * 0.30), rgb(0x2E8FB5), 0, (float) (h * 0.45), rgb(0x5FC0D6)));
        g.fill(new Rectangle2D.Double(0, h * 0.30, w, h * 0.15));
        palm(g, w * 0.08, h * 0.46, h * 0.42);
        palm(g, w * 0.93, h * 0.46, h * 0.36);
        g.setColor(rgb(0xB98A5E));
        g.fill(new Rectangle2D.Double(0, h * 0.45, w, h * 0.55));
        g.setColor(rgb(0xA87A50));
        for (int i = 0; i < 6; i++) {
            g.fill(new Rectangle2D.Double(0, h * (0.5 + 0.09 * i), w, 5));
        }
        // A plate of sliced cutlet with cabbage and rice, and chopsticks.
        g.setColor(new Color(0, 0, 0, 40));
        g.fill(new Ellipse2D.Double(w * 0.20, h * 0.55, w * 0.62, h * 0.42));
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(w * 0.18, h * 0.50, w * 0.62, h * 0.42));
        g.setColor(rgb(0xE6EDE3));
        g.fill(new Ellipse2D.Double(w * 0.22, h * 0.53, w * 0.54, h * 0.36));
        g.setColor(rgb(0xCDE3A5));
        for (int i = 0; i < 70; i++) {
            g.fill(new Ellipse2D.Double(w * (0.25 + 0.12 * r.nextDouble()), h * (0.58 + 0.14 * r.nextDouble()),
                    w * 0.05, h * 0.012));
        }
        for (int i = 0; i < 6; i++) {
            double x = w * (0.38 + 0.055 * i);
            g.setColor(rgb(0xC98B3C));
            g.fill(new RoundRectangle2D.Double(x, h * (0.60 + 0.01 * i), w * 0.05, h * 0.16, 20, 20));
            g.setColor(rgb(0xF2E2C4));
            g.fill(new RoundRectangle2D.Double(x + w * 0.008, h * (0.62 + 0.01 * i), w * 0.034, h * 0.12, 14, 14));
        }
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(w * 0.80, h * 0.62, w * 0.16, h * 0.18));
        g.setColor(rgb(0xF7F3EA));
        g.fill(new Ellipse2D.Double(w * 0.82, h * 0.63, w * 0.12, h * 0.13));
        g.setColor(rgb(0x3B2A20));
        g.setStroke(new BasicStroke(w * 0.007f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Line2D.Double(w * 0.12, h * 0.95, w * 0.30, h * 0.60));
        g.draw(new java.awt.geom.Line2D.Double(w * 0.15, h * 0.96, w * 0.32, h * 0.61));
        grain(img, 2, 1414);
        return img;
    }

    // --------------------------------------------------------- portraits and wordmarks

    /** A neutral placeholder portrait: the person's initials on the brand green, with a silhouette. */
    static BufferedImage portrait(int size, String initials) {
        BufferedImage img = canvas(size, size);
        Graphics2D g = graphics(img);
        g.setPaint(new RadialGradientPaint(size * 0.35f, size * 0.3f, size * 0.9f, new float[] {0f, 1f},
                new Color[] {BRAND_MID, BRAND}));
        g.fill(new Rectangle2D.Double(0, 0, size, size));
        g.setColor(new Color(255, 255, 255, 22));
        g.fill(new Ellipse2D.Double(size * 0.31, size * 0.16, size * 0.38, size * 0.42));
        g.fill(new Ellipse2D.Double(size * 0.12, size * 0.62, size * 0.76, size * 0.62));
        g.setFont(latoBlack.deriveFont((float) (size * 0.30)));
        FontMetrics fm = g.getFontMetrics();
        int tw = fm.stringWidth(initials);
        g.setColor(Color.WHITE);
        g.drawString(initials, (size - tw) / 2f, size * 0.5f + fm.getAscent() * 0.36f);
        g.setColor(ACCENT);
        g.fill(new Rectangle2D.Double(size * 0.43, size * 0.68, size * 0.14, size * 0.014));
        return img;
    }

    /** A partner's name set in a plain typeface: a neutral stand-in, not the partner's logo. */
    static BufferedImage wordmark(int w, int h, String name) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(img);
        String[] lines = name.split("\\|");
        float size = lines.length == 1 ? h * 0.30f : h * 0.22f;
        g.setFont(lato.deriveFont(size));
        FontMetrics fm = g.getFontMetrics();
        for (String line : lines) {
            while (fm.stringWidth(line) > w * 0.92) {
                size *= 0.95f;
                g.setFont(lato.deriveFont(size));
                fm = g.getFontMetrics();
            }
        }
        double lineHeight = size * 1.15;
        double top = (h - lineHeight * lines.length) / 2 + fm.getAscent() * 0.92;
        g.setColor(rgb(0x4A524F));
        for (int i = 0; i < lines.length; i++) {
            int tw = fm.stringWidth(lines[i]);
            g.drawString(lines[i], (w - tw) / 2f, (float) (top + i * lineHeight));
        }
        return img;
    }

    // ---------------------------------------------------------------- motifs

    static void sky(Graphics2D g, int w, double h, Color top, Color bottom) {
        g.setPaint(new GradientPaint(0, 0, top, 0, (float) h, bottom));
        g.fill(new Rectangle2D.Double(0, 0, w, Math.max(h, 1) + 2000));
    }

    static void sun(Graphics2D g, double x, double y, double radius, Color c) {
        g.setPaint(new RadialGradientPaint((float) x, (float) y, (float) (radius * 3), new float[] {0f, 0.33f, 1f},
                new Color[] {c, new Color(c.getRed(), c.getGreen(), c.getBlue(), 120),
                    new Color(c.getRed(), c.getGreen(), c.getBlue(), 0)}));
        g.fill(new Ellipse2D.Double(x - radius * 3, y - radius * 3, radius * 6, radius * 6));
        g.setColor(c);
        g.fill(new Ellipse2D.Double(x - radius, y - radius, radius * 2, radius * 2));
    }

    /** Fills everything below a wavy line around {@code base}. */
    static void ridge(Graphics2D g, int w, int h, double base, double amp, double freq, Random r, Color c) {
        double p1 = r.nextDouble() * 6;
        double p2 = r.nextDouble() * 6;
        double p3 = r.nextDouble() * 6;
        Path2D path = new Path2D.Double();
        path.moveTo(0, h);
        for (int x = 0; x <= w; x += 8) {
            double y = base + amp * (0.6 * Math.sin(x * freq + p1) + 0.3 * Math.sin(x * freq * 2.7 + p2)
                    + 0.1 * Math.sin(x * freq * 7.1 + p3));
            path.lineTo(x, y);
        }
        path.lineTo(w, h);
        path.closePath();
        g.setColor(c);
        g.fill(path);
    }

    static void river(Graphics2D g, int w, int h, double y, double thick, Color deep, Color light, Random r) {
        Path2D band = new Path2D.Double();
        band.moveTo(0, y - thick * 0.4);
        band.curveTo(w * 0.3, y - thick * 0.7, w * 0.6, y - thick * 0.2, w, y - thick * 0.5);
        band.lineTo(w, y + thick * 0.6);
        band.curveTo(w * 0.6, y + thick * 0.4, w * 0.3, y + thick * 0.8, 0, y + thick * 0.5);
        band.closePath();
        g.setPaint(new GradientPaint(0, (float) (y - thick), light, 0, (float) (y + thick), deep));
        g.fill(band);
        g.setColor(new Color(255, 255, 255, 90));
        for (int i = 0; i < 50; i++) {
            double x = r.nextDouble() * w;
            double yy = y + (r.nextDouble() - 0.5) * thick * 0.8;
            g.fill(new Rectangle2D.Double(x, yy, w * (0.02 + 0.04 * r.nextDouble()), Math.max(2, thick * 0.02)));
        }
    }

    static void deciduous(Graphics2D g, double x, double ground, double size, Color leaves, Random r) {
        g.setColor(rgb(0x5A4030));
        g.fill(new Rectangle2D.Double(x - size * 0.05, ground - size * 0.55, size * 0.1, size * 0.55));
        Color dark = mix(leaves, Color.BLACK, 0.22);
        Color light = mix(leaves, Color.WHITE, 0.18);
        double cy = ground - size * 0.85;
        for (int i = 0; i < 5; i++) {
            double dx = (r.nextDouble() - 0.5) * size * 0.7;
            double dy = (r.nextDouble() - 0.5) * size * 0.4;
            double rad = size * (0.28 + 0.12 * r.nextDouble());
            g.setColor(dark);
            g.fill(new Ellipse2D.Double(x + dx - rad, cy + dy - rad + size * 0.04, rad * 2, rad * 2));
        }
        for (int i = 0; i < 5; i++) {
            double dx = (r.nextDouble() - 0.5) * size * 0.6;
            double dy = (r.nextDouble() - 0.6) * size * 0.4;
            double rad = size * (0.24 + 0.1 * r.nextDouble());
            g.setColor(i < 3 ? leaves : light);
            g.fill(new Ellipse2D.Double(x + dx - rad, cy + dy - rad, rad * 2, rad * 2));
        }
    }

    static void conifer(Graphics2D g, double x, double ground, double height, Color c, boolean snowy) {
        g.setColor(rgb(0x4A3426));
        g.fill(new Rectangle2D.Double(x - height * 0.03, ground - height * 0.15, height * 0.06, height * 0.15));
        for (int i = 0; i < 3; i++) {
            double top = ground - height * (1.0 - 0.22 * i);
            double bottom = ground - height * (0.45 - 0.15 * i);
            double half = height * (0.18 + 0.07 * i);
            Path2D tri = new Path2D.Double();
            tri.moveTo(x, top);
            tri.lineTo(x + half, bottom);
            tri.lineTo(x - half, bottom);
            tri.closePath();
            g.setColor(c);
            g.fill(tri);
            if (snowy) {
                Path2D cap = new Path2D.Double();
                cap.moveTo(x, top);
                cap.lineTo(x + half * 0.45, top + (bottom - top) * 0.45);
                cap.lineTo(x, top + (bottom - top) * 0.36);
                cap.lineTo(x - half * 0.45, top + (bottom - top) * 0.45);
                cap.closePath();
                g.setColor(new Color(250, 252, 253));
                g.fill(cap);
            }
        }
    }

    static void bareTree(Graphics2D g, double x, double ground, double height, Color c, Random r) {
        g.setColor(c);
        branch(g, x, ground, -Math.PI / 2, height * 0.4, height * 0.035, 6, r);
    }

    static void branch(Graphics2D g, double x, double y, double angle, double len, double width, int depth, Random r) {
        double x2 = x + Math.cos(angle) * len;
        double y2 = y + Math.sin(angle) * len;
        g.setStroke(new BasicStroke((float) Math.max(1, width), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Line2D.Double(x, y, x2, y2));
        if (depth > 0) {
            int n = 2 + (r.nextDouble() < 0.3 ? 1 : 0);
            for (int i = 0; i < n; i++) {
                double a = angle + (i - (n - 1) / 2.0) * 0.55 + (r.nextDouble() - 0.5) * 0.3;
                branch(g, x2, y2, a, len * (0.62 + 0.15 * r.nextDouble()), width * 0.65, depth - 1, r);
            }
        }
    }

    static void tower(Graphics2D g, double x, double ground, double height, Color wall, Color shade) {
        double w = height * 0.16;
        g.setColor(wall);
        g.fill(new Rectangle2D.Double(x - w / 2, ground - height * 0.78, w, height * 0.78));
        g.setColor(shade);
        g.fill(new Rectangle2D.Double(x + w * 0.15, ground - height * 0.78, w * 0.35, height * 0.78));
        Path2D roof = new Path2D.Double();
        roof.moveTo(x - w * 0.6, ground - height * 0.78);
        roof.lineTo(x, ground - height);
        roof.lineTo(x + w * 0.6, ground - height * 0.78);
        roof.closePath();
        g.setColor(rgb(0x3F5A52));
        g.fill(roof);
        g.setColor(CREAM);
        g.fill(new Ellipse2D.Double(x - w * 0.28, ground - height * 0.70, w * 0.56, w * 0.56));
        g.setColor(INK);
        g.setStroke(new BasicStroke((float) (w * 0.04)));
        g.draw(new java.awt.geom.Line2D.Double(x, ground - height * 0.70 + w * 0.28, x, ground - height * 0.70 + w * 0.1));
        g.setColor(rgb(0x2E2A27));
        for (int i = 0; i < 4; i++) {
            g.fill(new RoundRectangle2D.Double(x - w * 0.12, ground - height * (0.5 - 0.1 * i), w * 0.24, height * 0.06,
                    w * 0.2, w * 0.2));
        }
    }

    static void building(Graphics2D g, double x, double ground, double w, double h, Color wall, Color window,
            Random r) {
        g.setColor(wall);
        g.fill(new Rectangle2D.Double(x, ground - h, w, h));
        g.setColor(mix(wall, Color.BLACK, 0.25));
        g.fill(new Rectangle2D.Double(x - w * 0.02, ground - h - h * 0.06, w * 1.04, h * 0.07));
        int cols = (int) Math.max(3, w / (h * 0.22));
        for (int row = 0; row < 3; row++) {
            for (int c = 0; c < cols; c++) {
                double wx = x + w * (c + 0.3) / cols;
                double wy = ground - h + h * (0.14 + row * 0.28);
                g.setColor(r.nextDouble() < 0.35 ? window : mix(window, wall, 0.55));
                g.fill(new Rectangle2D.Double(wx, wy, w / cols * 0.4, h * 0.16));
            }
        }
    }

    static void skyline(Graphics2D g, int w, double ground, double maxH, Random r, Color c) {
        double x = 0;
        while (x < w) {
            double bw = w * (0.03 + 0.05 * r.nextDouble());
            double bh = maxH * (0.3 + 0.7 * r.nextDouble());
            g.setColor(mix(c, Color.WHITE, 0.1 * r.nextDouble()));
            g.fill(new Rectangle2D.Double(x, ground - bh, bw, bh));
            g.setColor(new Color(255, 240, 200, 70));
            for (double wy = ground - bh + 12; wy < ground - 10; wy += 22) {
                for (double wx = x + 8; wx < x + bw - 10; wx += 18) {
                    if (r.nextDouble() < 0.35) {
                        g.fill(new Rectangle2D.Double(wx, wy, 8, 10));
                    }
                }
            }
            x += bw + 4;
        }
    }

    static void needle(Graphics2D g, double x, double ground, double height) {
        g.setColor(rgb(0x4A5A66));
        g.setStroke(new BasicStroke((float) (height * 0.012)));
        g.draw(new java.awt.geom.Line2D.Double(x - height * 0.06, ground, x, ground - height * 0.72));
        g.draw(new java.awt.geom.Line2D.Double(x + height * 0.06, ground, x, ground - height * 0.72));
        g.fill(new Ellipse2D.Double(x - height * 0.11, ground - height * 0.80, height * 0.22, height * 0.07));
        g.setColor(ACCENT);
        g.fill(new Rectangle2D.Double(x - height * 0.09, ground - height * 0.78, height * 0.18, height * 0.015));
        g.setColor(rgb(0x4A5A66));
        g.fill(new Rectangle2D.Double(x - height * 0.004, ground - height, height * 0.008, height * 0.22));
    }

    static void person(Graphics2D g, double x, double ground, double height, Color body, Color hair) {
        double head = height * 0.22;
        g.setColor(body);
        g.fill(new RoundRectangle2D.Double(x - height * 0.2, ground - height * 0.70, height * 0.4, height * 0.72,
                height * 0.3, height * 0.3));
        g.setColor(rgb(0xE6BE9A));
        g.fill(new Ellipse2D.Double(x - head / 2, ground - height * 0.70 - head * 1.02, head, head * 1.1));
        g.setColor(hair);
        g.fill(new java.awt.geom.Arc2D.Double(x - head / 2 - 1, ground - height * 0.70 - head * 1.08, head + 2,
                head * 0.9, 0, 180, java.awt.geom.Arc2D.CHORD));
    }

    static void group(Graphics2D g, double x, double ground, double height, int count, Random r) {
        Color[] shirts = {ACCENT, BRAND_MID, CREAM, rgb(0xC4462A), rgb(0x5F87A8), rgb(0x2B2B2B), BRAND_LIGHT};
        Color[] hair = {rgb(0x2B211B), rgb(0x3B2A20), rgb(0x15110F), rgb(0x6B4A35)};
        double spacing = height * 0.34;
        for (int i = 0; i < count; i++) {
            double h = height * (0.9 + 0.15 * r.nextDouble());
            person(g, x + i * spacing + r.nextGaussian() * 4, ground + (i % 2) * height * 0.03, h,
                    shirts[(i + 2) % shirts.length], hair[r.nextInt(hair.length)]);
        }
    }

    static void stone(Graphics2D g, double cx, double cy, double w, double h, Color c, Random r) {
        Path2D p = new Path2D.Double();
        int n = 9;
        double[] radii = new double[n];
        for (int i = 0; i < n; i++) {
            radii[i] = 0.85 + 0.2 * r.nextDouble();
        }
        for (int i = 0; i <= n; i++) {
            double a = Math.PI * 2 * i / n;
            double rr = radii[i % n];
            double x = cx + Math.cos(a) * w / 2 * rr;
            double y = cy + Math.sin(a) * h / 2 * rr * (Math.sin(a) > 0 ? 0.5 : 1.0);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                double am = Math.PI * 2 * (i - 0.5) / n;
                double qx = cx + Math.cos(am) * w / 2 * 1.08;
                double qy = cy + Math.sin(am) * h / 2 * 1.08 * (Math.sin(am) > 0 ? 0.5 : 1.0);
                p.quadTo(qx, qy, x, y);
            }
        }
        p.closePath();
        g.setColor(new Color(0, 0, 0, 50));
        g.fill(new Ellipse2D.Double(cx - w * 0.55, cy + h * 0.18, w * 1.1, h * 0.25));
        g.setPaint(new GradientPaint((float) (cx - w / 2), (float) (cy - h / 2), mix(c, Color.WHITE, 0.3),
                (float) (cx + w / 2), (float) (cy + h / 2), mix(c, Color.BLACK, 0.35)));
        g.fill(p);
    }

    static void tier(Graphics2D g, double x, double y, double w, double h, Color cake, Color icing) {
        g.setColor(cake);
        g.fill(new RoundRectangle2D.Double(x, y, w, h, w * 0.08, w * 0.08));
        g.setColor(icing);
        Path2D drip = new Path2D.Double();
        drip.moveTo(x, y + h * 0.05);
        drip.lineTo(x, y + h * 0.25);
        int n = 8;
        for (int i = 0; i < n; i++) {
            double x0 = x + w * i / n;
            double x1 = x + w * (i + 1) / n;
            double depth = h * (i % 2 == 0 ? 0.42 : 0.28);
            drip.curveTo(x0 + (x1 - x0) * 0.2, y + depth, x0 + (x1 - x0) * 0.8, y + depth, x1, y + h * 0.25);
        }
        drip.lineTo(x + w, y + h * 0.05);
        drip.closePath();
        g.fill(drip);
        g.fill(new RoundRectangle2D.Double(x, y, w, h * 0.12, w * 0.08, w * 0.08));
    }

    static void plate(Graphics2D g, double cx, double cy, double radius, Color food, Color garnish, Random r) {
        g.setColor(new Color(0, 0, 0, 45));
        g.fill(new Ellipse2D.Double(cx - radius + radius * 0.06, cy - radius + radius * 0.08, radius * 2, radius * 2));
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(cx - radius, cy - radius, radius * 2, radius * 2));
        g.setColor(rgb(0xEDEAE3));
        g.fill(new Ellipse2D.Double(cx - radius * 0.78, cy - radius * 0.78, radius * 1.56, radius * 1.56));
        g.setColor(food);
        for (int i = 0; i < 9; i++) {
            double a = r.nextDouble() * Math.PI * 2;
            double d = r.nextDouble() * radius * 0.35;
            double s = radius * (0.22 + 0.12 * r.nextDouble());
            g.fill(new Ellipse2D.Double(cx + Math.cos(a) * d - s, cy + Math.sin(a) * d - s, 2 * s, 2 * s));
        }
        g.setColor(garnish);
        for (int i = 0; i < 14; i++) {
            double a = r.nextDouble() * Math.PI * 2;
            double d = r.nextDouble() * radius * 0.55;
            double s = radius * 0.06;
            g.fill(new Ellipse2D.Double(cx + Math.cos(a) * d - s, cy + Math.sin(a) * d - s, 2 * s, 1.4 * s));
        }
    }

    static void palm(Graphics2D g, double x, double ground, double height) {
        g.setColor(rgb(0x7A5A3A));
        g.setStroke(new BasicStroke((float) (height * 0.04), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D trunk = new Path2D.Double();
        trunk.moveTo(x, ground);
        trunk.quadTo(x + height * 0.1, ground - height * 0.5, x + height * 0.04, ground - height);
        g.draw(trunk);
        g.setColor(rgb(0x2F7A4A));
        for (int i = 0; i < 7; i++) {
            double a = Math.PI * (1.05 + 0.9 * i / 6.0);
            Path2D leaf = new Path2D.Double();
            double tx = x + height * 0.04;
            double ty = ground - height;
            leaf.moveTo(tx, ty);
            leaf.quadTo(tx + Math.cos(a) * height * 0.3, ty + Math.sin(a) * height * 0.1 - height * 0.1,
                    tx + Math.cos(a) * height * 0.45, ty + Math.abs(Math.sin(a)) * height * 0.05 + height * 0.08);
            g.setStroke(new BasicStroke((float) (height * 0.035), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(leaf);
        }
    }

    static void snow(Graphics2D g, int w, int h, Random r, int count) {
        g.setColor(new Color(255, 255, 255, 200));
        for (int i = 0; i < count; i++) {
            double s = 3 + 6 * r.nextDouble();
            g.fill(new Ellipse2D.Double(r.nextDouble() * w, r.nextDouble() * h, s, s));
        }
    }

    static void bokeh(Graphics2D g, int w, double h, Random r, Color c, int count) {
        g.setColor(c);
        for (int i = 0; i < count; i++) {
            double s = w * (0.02 + 0.05 * r.nextDouble());
            g.fill(new Ellipse2D.Double(r.nextDouble() * w, r.nextDouble() * h, s, s));
        }
    }

    static void confetti(Graphics2D g, int w, int h, Random r, int count) {
        for (int i = 0; i < count; i++) {
            g.setColor(pick(r, ACCENT, rgb(0xE85D75), rgb(0x7FB3D5), CREAM));
            double x = r.nextDouble() * w;
            double y = r.nextDouble() * h * 0.7;
            g.fill(new RoundRectangle2D.Double(x, y, w * 0.008, w * 0.004, 3, 3));
        }
    }

    static Shape star(double cx, double cy, double outer, double inner) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double rad = i % 2 == 0 ? outer : inner;
            double x = cx + Math.cos(a) * rad;
            double y = cy + Math.sin(a) * rad;
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }

    // ---------------------------------------------------------------- plumbing

    /** A light, seeded film grain so flat areas print without banding. */
    static void grain(BufferedImage img, int amount, long seed) {
        Random r = new Random(seed * 31 + 7);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int n = (int) Math.round(r.nextGaussian() * amount);
                int red = clamp(((rgb >> 16) & 0xFF) + n);
                int green = clamp(((rgb >> 8) & 0xFF) + n);
                int blue = clamp((rgb & 0xFF) + n);
                img.setRGB(x, y, (0xFF << 24) | (red << 16) | (green << 8) | blue);
            }
        }
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static BufferedImage canvas(int w, int h) {
        return new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    }

    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setComposite(AlphaComposite.SrcOver);
        return g;
    }

    static Color rgb(int hex) {
        return new Color(hex);
    }

    static Color mix(Color a, Color b, double t) {
        t = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    @SafeVarargs
    static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    static void jpeg(String name, BufferedImage img) throws IOException {
        Path out = root.resolve(name);
        Files.createDirectories(out.getParent());
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.84f);
        Files.deleteIfExists(out);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out.toFile())) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        System.out.printf(Locale.ROOT, "%-48s %5d kB%n", name, Files.size(out) / 1024);
    }

    static void png(String name, BufferedImage img) throws IOException {
        Path out = root.resolve(name);
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", new File(out.toString()));
        System.out.printf(Locale.ROOT, "%-48s %5d kB%n", name, Files.size(out) / 1024);
    }
}
