import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Generates the art of the MSc programme brochure (examples/msc-programme): abstract
 * illustrations of computation (a warped mesh, fields, streamlines, a network), a harbour town,
 * a campus map, the university's stand-in crest, and initials portraits. Every picture is drawn
 * from a fixed seed, so running it again gives the same files. It follows
 * images/tools/GenerateImages.java of the first brochure, in this brochure's palette.
 *
 * <p>Run from the repository root with any JDK 17 or newer:
 * <pre>java examples/msc-programme/images/tools/GenerateImages.java</pre>
 * It (re)writes the files listed in examples/msc-programme/images/CREDITS.md.
 */
public final class GenerateImages {

    static final Color NAVY = rgb(0x14213D);
    static final Color NAVY_DEEP = rgb(0x0B1428);
    static final Color NAVY_MID = rgb(0x2A3D66);
    static final Color STEEL = rgb(0x5D7FB0);
    static final Color SKY = rgb(0xC8D3E6);
    static final Color TINT = rgb(0xEEF2F8);
    static final Color RED = rgb(0xC23B22);
    static final Color CORAL = rgb(0xE9765B);
    static final Color APRICOT = rgb(0xF4B183);
    static final Color SAND = rgb(0xF7E3C6);
    static final Color TEAL = rgb(0x2C8C99);
    static final Color INK = rgb(0x1B2233);

    static Path root = Path.of(".");
    static final String DIR = "examples/msc-programme/images/";
    static Font lato;
    static Font latoBlack;
    static Font vollkorn;

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            root = Path.of(args[0]);
        }
        lato = Font.createFont(Font.TRUETYPE_FONT, root.resolve("fonts/Lato-Bold.ttf").toFile());
        latoBlack = Font.createFont(Font.TRUETYPE_FONT, root.resolve("fonts/Lato-Black.ttf").toFile());
        vollkorn = Font.createFont(Font.TRUETYPE_FONT, root.resolve("fonts/Vollkorn-SemiBold.ttf").toFile());

        jpeg(DIR + "art/cover-mesh.jpg", coverMesh(2600, 1600));
        jpeg(DIR + "art/streamlines.jpg", streamlines(2400, 1030, 7));
        jpeg(DIR + "art/heat-field.jpg", heatField(1500, 1000, 19));
        jpeg(DIR + "art/network.jpg", network(1600, 1200, 23));
        jpeg(DIR + "art/harbour-town.jpg", harbourTown(1600, 1600));
        jpeg(DIR + "art/spectrum.jpg", spectrum(2400, 1030, 31));
        jpeg(DIR + "art/cluster.jpg", cluster(1500, 1000, 37));
        jpeg(DIR + "art/molecule.jpg", molecule(1500, 1000, 43));
        jpeg(DIR + "art/ocean-currents.jpg", oceanCurrents(1500, 1000, 47));
        png(DIR + "maps/campus-map.png", campusMap(1800, 1350));
        png(DIR + "logos/aldersea-university.png", crest(1400, 420));

        String[][] people = {
            {"miriam-okafor", "MO"}, {"tomas-lindqvist", "TL"}, {"priya-raman", "PR"}, {"jonah-whitfield", "JW"},
            {"elena-marchetti", "EM"}, {"kwame-asante", "KA"}, {"sofia-hernandez", "SH"}, {"lukas-brandt", "LB"},
            {"aiko-tanaka", "AT"}, {"david-mensah", "DM"}, {"ines-duarte", "ID"}, {"rahul-iyer", "RI"},
            {"hannah-cole", "HC"}, {"mei-chen", "MC"},
        };
        for (int i = 0; i < people.length; i++) {
            jpeg(DIR + "portraits/" + people[i][0] + ".jpg", portrait(800, people[i][1], i));
        }
    }

    // ---------------------------------------------------------------- scenes

    /** A triangulated mesh, warped by waves and shaded by height, over a dark sea: the cover. */
    static BufferedImage coverMesh(int w, int h) {
        Random r = new Random(3);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        g.setPaint(new GradientPaint(0, 0, NAVY_DEEP, 0, h, NAVY_MID));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        int cols = 34;
        int rows = 20;
        double[][] px = new double[rows + 1][cols + 1];
        double[][] py = new double[rows + 1][cols + 1];
        double[][] v = new double[rows + 1][cols + 1];
        for (int j = 0; j <= rows; j++) {
            for (int i = 0; i <= cols; i++) {
                double u = (double) i / cols;
                double t = (double) j / rows;
                double z = Math.sin(u * 7.1 + t * 2.3) * 0.5 + Math.cos(u * 3.3 - t * 5.2) * 0.35
                        + Math.exp(-((u - 0.68) * (u - 0.68) + (t - 0.42) * (t - 0.42)) * 14) * 1.4;
                // A perspective plane: rows recede towards the horizon at 22% of the height.
                double depth = 0.25 + 0.75 * t;
                px[j][i] = w * (0.5 + (u - 0.5) * (0.55 + 1.25 * depth)) + (r.nextDouble() - 0.5) * 6;
                py[j][i] = h * (0.22 + 0.78 * t * t) - z * h * 0.06 * depth;
                v[j][i] = z;
            }
        }
        g.setStroke(new BasicStroke(1.6f));
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < cols; i++) {
                for (int k = 0; k < 2; k++) {
                    Path2D tri = new Path2D.Double();
                    double value;
                    if (k == 0) {
                        tri.moveTo(px[j][i], py[j][i]);
                        tri.lineTo(px[j][i + 1], py[j][i + 1]);
                        tri.lineTo(px[j + 1][i], py[j + 1][i]);
                        value = (v[j][i] + v[j][i + 1] + v[j + 1][i]) / 3;
                    } else {
                        tri.moveTo(px[j][i + 1], py[j][i + 1]);
                        tri.lineTo(px[j + 1][i + 1], py[j + 1][i + 1]);
                        tri.lineTo(px[j + 1][i], py[j + 1][i]);
                        value = (v[j][i + 1] + v[j + 1][i + 1] + v[j + 1][i]) / 3;
                    }
                    tri.closePath();
                    double fade = 0.35 + 0.65 * ((double) j / rows);
                    Color c = mix(NAVY_MID, ramp((value + 1.2) / 2.8), 0.25 + 0.6 * fade);
                    g.setColor(c);
                    g.fill(tri);
                    g.setColor(new Color(255, 255, 255, (int) (18 + 40 * fade)));
                    g.draw(tri);
                }
            }
        }
        // A few bright nodes where the surface peaks.
        for (int j = 2; j <= rows; j += 3) {
            for (int i = 1; i < cols; i += 4) {
                if (v[j][i] > 0.55) {
                    double rad = 5 + 9 * ((double) j / rows);
                    g.setColor(new Color(255, 236, 214, 200));
                    g.fill(new Ellipse2D.Double(px[j][i] - rad, py[j][i] - rad, rad * 2, rad * 2));
                }
            }
        }
        grain(img, 3, 5);
        return img;
    }

    /** Streamlines of a flow past two obstacles, in the brand colours: a wide opening picture. */
    static BufferedImage streamlines(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        g.setPaint(new GradientPaint(0, 0, TINT, w, h, rgb(0xDCE4F1)));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        double[][] obstacles = {{0.33 * w, 0.45 * h, 0.11 * h}, {0.64 * w, 0.58 * h, 0.15 * h}};
        for (int s = 0; s < 70; s++) {
            double y0 = h * (s + 0.5) / 70;
            double x = 0;
            double y = y0;
            Path2D path = new Path2D.Double();
            path.moveTo(x, y);
            for (int step = 0; step < 900 && x < w; step++) {
                double vx = 1;
                double vy = 0.18 * Math.sin(x / w * 9 + s * 0.3) * Math.sin(y / h * 3.1);
                for (double[] o : obstacles) {
                    double dx = x - o[0];
                    double dy = y - o[1];
                    double d2 = dx * dx + dy * dy;
                    double a2 = o[2] * o[2];
                    // Potential flow around a cylinder.
                    vx += a2 * (dy * dy - dx * dx) / (d2 * d2 + 1);
                    vy += -2 * a2 * dx * dy / (d2 * d2 + 1);
                }
                double len = Math.hypot(vx, vy);
                x += 4 * vx / len;
                y += 4 * vy / len;
                path.lineTo(x, y);
            }
            double t = Math.abs(y0 / h - 0.5) * 2;
            Color c = s % 9 == 4 ? RED : mix(NAVY, STEEL, t);
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), s % 9 == 4 ? 230 : 150));
            g.setStroke(new BasicStroke(s % 9 == 4 ? 5f : 2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
        }
        for (double[] o : obstacles) {
            g.setColor(NAVY);
            g.fill(new Ellipse2D.Double(o[0] - o[2] * 0.8, o[1] - o[2] * 0.8, o[2] * 1.6, o[2] * 1.6));
            g.setColor(APRICOT);
            g.setStroke(new BasicStroke(4f));
            g.draw(new Ellipse2D.Double(o[0] - o[2] * 0.8, o[1] - o[2] * 0.8, o[2] * 1.6, o[2] * 1.6));
        }
        grain(img, 2, seed);
        return img;
    }

    /** A scalar field (a sum of bumps) with a colour ramp and contour lines, like a simulation's output. */
    static BufferedImage heatField(int w, int h, long seed) {
        Random r = new Random(seed);
        double[][] bumps = new double[6][4];
        for (double[] b : bumps) {
            b[0] = r.nextDouble();
            b[1] = r.nextDouble();
            b[2] = 0.1 + r.nextDouble() * 0.2;
            b[3] = (r.nextBoolean() ? 1 : -0.6) * (0.5 + r.nextDouble());
        }
        BufferedImage img = canvas(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = field(bumps, (double) x / w, (double) y / h);
                double band = v * 6 - Math.floor(v * 6);
                Color c = ramp(v);
                if (band < 0.035) {
                    c = mix(c, NAVY_DEEP, 0.55);
                }
                img.setRGB(x, y, c.getRGB());
            }
        }
        Graphics2D g = graphics(img);
        // The computational grid, faint, over the field.
        g.setColor(new Color(255, 255, 255, 40));
        g.setStroke(new BasicStroke(1.2f));
        for (int i = 1; i < 30; i++) {
            g.draw(new Line2D.Double(w * i / 30.0, 0, w * i / 30.0, h));
        }
        for (int j = 1; j < 20; j++) {
            g.draw(new Line2D.Double(0, h * j / 20.0, w, h * j / 20.0));
        }
        grain(img, 2, seed);
        return img;
    }

    static double field(double[][] bumps, double x, double y) {
        double v = 0.45;
        for (double[] b : bumps) {
            double dx = x - b[0];
            double dy = y - b[1];
            v += b[3] * 0.35 * Math.exp(-(dx * dx + dy * dy) / (b[2] * b[2]));
        }
        return Math.max(0, Math.min(0.999, v));
    }

    /** A network of nodes and edges, a few hubs in the accent colour. */
    static BufferedImage network(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        g.setPaint(new RadialGradientPaint(w * 0.4f, h * 0.4f, w * 0.8f, new float[] {0f, 1f},
                new Color[] {NAVY_MID, NAVY_DEEP}));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        int n = 140;
        double[][] p = new double[n][2];
        for (int i = 0; i < n; i++) {
            double cx = (i % 4 == 0 ? 0.3 : i % 4 == 1 ? 0.7 : i % 4 == 2 ? 0.5 : 0.22) * w;
            double cy = (i % 4 == 0 ? 0.35 : i % 4 == 1 ? 0.4 : i % 4 == 2 ? 0.72 : 0.75) * h;
            p[i][0] = cx + r.nextGaussian() * w * 0.12;
            p[i][1] = cy + r.nextGaussian() * h * 0.12;
        }
        g.setStroke(new BasicStroke(1.4f));
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = Math.hypot(p[i][0] - p[j][0], p[i][1] - p[j][1]);
                if (d < w * 0.085) {
                    g.setColor(new Color(200, 211, 230, (int) (150 * (1 - d / (w * 0.085)))));
                    g.draw(new Line2D.Double(p[i][0], p[i][1], p[j][0], p[j][1]));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            boolean hub = i % 17 == 0;
            double rad = hub ? 16 : 5 + r.nextDouble() * 6;
            g.setColor(hub ? APRICOT : i % 5 == 0 ? CORAL : SKY);
            g.fill(new Ellipse2D.Double(p[i][0] - rad, p[i][1] - rad, rad * 2, rad * 2));
        }
        grain(img, 2, seed);
        return img;
    }

    /** A harbour town at dusk: houses on a hill, a lighthouse, boats on the water. */
    static BufferedImage harbourTown(int w, int h) {
        Random r = new Random(41);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        g.setPaint(new GradientPaint(0, 0, rgb(0x27406E), 0, (float) (h * 0.55), rgb(0xF2B38D)));
        g.fill(new Rectangle2D.Double(0, 0, w, h * 0.56));
        g.setColor(rgb(0xFCE3C4));
        g.fill(new Ellipse2D.Double(w * 0.64, h * 0.30, w * 0.12, w * 0.12));
        // The hill and its houses.
        Path2D hill = new Path2D.Double();
        hill.moveTo(0, h * 0.56);
        hill.curveTo(w * 0.2, h * 0.30, w * 0.45, h * 0.34, w * 0.62, h * 0.56);
        hill.closePath();
        g.setColor(rgb(0x33476F));
        g.fill(hill);
        Color[] walls = {rgb(0xE9765B), rgb(0xF4B183), rgb(0xF7E3C6), rgb(0x9FB6D6), rgb(0xC23B22), rgb(0xDCE4F1)};
        for (int i = 0; i < 30; i++) {
            double x = w * (0.02 + r.nextDouble() * 0.55);
            double top = h * 0.56 - (h * 0.22) * Math.sin(Math.PI * Math.min(1, x / (w * 0.62))) * (0.6 + r.nextDouble() * 0.4);
            double hw = w * (0.035 + r.nextDouble() * 0.025);
            double hh = h * (0.05 + r.nextDouble() * 0.04);
            house(g, x, top + hh, hw, hh, walls[r.nextInt(walls.length)]);
        }
        // The lighthouse on the mole.
        g.setColor(rgb(0x2A3D66));
        g.fill(new Rectangle2D.Double(w * 0.62, h * 0.54, w * 0.38, h * 0.03));
        Path2D tower = new Path2D.Double();
        tower.moveTo(w * 0.86, h * 0.54);
        tower.lineTo(w * 0.875, h * 0.33);
        tower.lineTo(w * 0.915, h * 0.33);
        tower.lineTo(w * 0.93, h * 0.54);
        tower.closePath();
        g.setColor(rgb(0xF7F3EC));
        g.fill(tower);
        g.setColor(RED);
        for (int k = 0; k < 3; k++) {
            g.fill(new Rectangle2D.Double(w * 0.865 + k * w * 0.004, h * (0.37 + k * 0.06), w * (0.05 - k * 0.008), h * 0.025));
        }
        g.setColor(rgb(0xFFE9B5));
        g.fill(new Rectangle2D.Double(w * 0.878, h * 0.305, w * 0.034, h * 0.028));
        // The water and the boats.
        g.setPaint(new GradientPaint(0, (float) (h * 0.56), rgb(0x3B5B8C), 0, h, NAVY));
        g.fill(new Rectangle2D.Double(0, h * 0.57, w, h * 0.43));
        g.setStroke(new BasicStroke(3f));
        for (int i = 0; i < 60; i++) {
            double y = h * (0.6 + r.nextDouble() * 0.38);
            double x = r.nextDouble() * w;
            g.setColor(new Color(246, 194, 139, 60 + r.nextInt(80)));
            g.draw(new Line2D.Double(x, y, x + w * (0.03 + r.nextDouble() * 0.08), y));
        }
        for (int i = 0; i < 5; i++) {
            boat(g, w * (0.1 + i * 0.19 + r.nextDouble() * 0.05), h * (0.68 + (i % 2) * 0.12 + r.nextDouble() * 0.05),
                    w * (0.09 + r.nextDouble() * 0.04), walls[(i + 2) % walls.length]);
        }
        grain(img, 3, 41);
        return img;
    }

    /** Bars of a spectrum over a grid, rising and falling like a measured signal: a wide picture. */
    static BufferedImage spectrum(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        g.setPaint(new GradientPaint(0, 0, NAVY, w, h, NAVY_MID));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        g.setColor(new Color(255, 255, 255, 28));
        g.setStroke(new BasicStroke(1.5f));
        for (int i = 1; i < 12; i++) {
            g.draw(new Line2D.Double(0, h * i / 12.0, w, h * i / 12.0));
        }
        int bars = 96;
        double bw = (double) w / bars;
        for (int i = 0; i < bars; i++) {
            double x = i * bw;
            double t = (double) i / bars;
            double v = 0.25 + 0.5 * Math.exp(-Math.pow((t - 0.3) / 0.12, 2)) + 0.35 * Math.exp(-Math.pow((t - 0.72) / 0.07, 2))
                    + 0.12 * r.nextDouble();
            double bh = h * Math.min(0.9, v);
            g.setColor(mix(STEEL, APRICOT, v));
            g.fill(new Rectangle2D.Double(x + bw * 0.18, h - bh, bw * 0.64, bh));
        }
        Path2D curve = new Path2D.Double();
        for (int i = 0; i <= 400; i++) {
            double t = i / 400.0;
            double v = 0.3 + 0.45 * Math.exp(-Math.pow((t - 0.3) / 0.12, 2)) + 0.32 * Math.exp(-Math.pow((t - 0.72) / 0.07, 2));
            double y = h - h * v - h * 0.04;
            if (i == 0) {
                curve.moveTo(t * w, y);
            } else {
                curve.lineTo(t * w, y);
            }
        }
        g.setColor(RED);
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(curve);
        grain(img, 2, seed);
        return img;
    }

    /** A scatter of points in three clusters with their boundaries: a classifier at work. */
    static BufferedImage cluster(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        g.setColor(TINT);
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        double[][] centres = {{0.28, 0.35}, {0.68, 0.3}, {0.5, 0.72}};
        Color[] colours = {NAVY, RED, TEAL};
        for (int c = 0; c < 3; c++) {
            g.setColor(new Color(colours[c].getRed(), colours[c].getGreen(), colours[c].getBlue(), 30));
            g.fill(new Ellipse2D.Double((centres[c][0] - 0.2) * w, (centres[c][1] - 0.2) * h, 0.4 * w, 0.4 * h));
            g.setColor(new Color(colours[c].getRed(), colours[c].getGreen(), colours[c].getBlue(), 120));
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {14f, 10f}, 0f));
            g.draw(new Ellipse2D.Double((centres[c][0] - 0.2) * w, (centres[c][1] - 0.2) * h, 0.4 * w, 0.4 * h));
        }
        for (int i = 0; i < 420; i++) {
            int c = i % 3;
            double x = (centres[c][0] + r.nextGaussian() * 0.075) * w;
            double y = (centres[c][1] + r.nextGaussian() * 0.08) * h;
            double rad = 6 + r.nextDouble() * 4;
            g.setColor(colours[c]);
            g.fill(new Ellipse2D.Double(x - rad, y - rad, rad * 2, rad * 2));
        }
        grain(img, 2, seed);
        return img;
    }

    /** Balls and sticks of a folded chain molecule, lit from the upper left. */
    static BufferedImage molecule(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        g.setPaint(new RadialGradientPaint(w * 0.5f, h * 0.45f, w * 0.7f, new float[] {0f, 1f},
                new Color[] {rgb(0x24375F), NAVY_DEEP}));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        // A chain folded along a knot around the centre, so that any crop keeps it in view; each
        // atom's depth (z) sets its size and the order it is drawn in.
        int n = 72;
        double[][] p = new double[n][3];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double jitter = (r.nextDouble() - 0.5) * 0.02;
            p[i] = new double[] {w * (0.5 + 0.16 * Math.sin(3 * t) + jitter), h * (0.5 + 0.33 * Math.sin(2 * t + 0.6) + jitter),
                (1 + Math.cos(5 * t)) / 2};
        }
        g.setStroke(new BasicStroke(10f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(200, 211, 230, 150));
        for (int i = 1; i < n; i++) {
            g.draw(new Line2D.Double(p[i - 1][0], p[i - 1][1], p[i][0], p[i][1]));
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[a][2], p[b][2]));
        for (int i : order) {
            double rad = 20 + p[i][2] * 18;
            Color c = i % 7 == 0 ? RED : i % 3 == 0 ? APRICOT : i % 2 == 0 ? TEAL : SKY;
            g.setPaint(new RadialGradientPaint((float) (p[i][0] - rad * 0.35), (float) (p[i][1] - rad * 0.35),
                    (float) (rad * 1.3), new float[] {0f, 1f}, new Color[] {mix(c, Color.WHITE, 0.45), mix(c, NAVY_DEEP, 0.35)}));
            g.fill(new Ellipse2D.Double(p[i][0] - rad, p[i][1] - rad, rad * 2, rad * 2));
        }
        grain(img, 2, seed);
        return img;
    }

    /** A stretch of coast with the currents of a circulation model drawn as arrows over the sea. */
    static BufferedImage oceanCurrents(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                double u = (double) xx / w;
                double v = (double) yy / h;
                double t = 0.5 + 0.25 * Math.sin(u * 5 + v * 3) + 0.2 * Math.cos(v * 7 - u * 2);
                img.setRGB(xx, yy, mix(rgb(0x2A4A7F), rgb(0x9FC0E0), t).getRGB());
            }
        }
        Path2D land = new Path2D.Double();
        land.moveTo(0, 0);
        land.lineTo(w * 0.42, 0);
        land.curveTo(w * 0.36, h * 0.25, w * 0.30, h * 0.35, w * 0.22, h * 0.45);
        land.curveTo(w * 0.14, h * 0.58, w * 0.20, h * 0.80, w * 0.08, h);
        land.lineTo(0, h);
        land.closePath();
        g.setColor(rgb(0xE9E2D0));
        g.fill(land);
        g.setColor(rgb(0xC9BFA6));
        g.setStroke(new BasicStroke(5f));
        g.draw(land);
        g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int j = 0; j < 12; j++) {
            for (int i = 0; i < 16; i++) {
                double x = w * (i + 0.5) / 16;
                double y = h * (j + 0.5) / 12;
                if (land.contains(x, y) || land.contains(x - 30, y)) {
                    continue;
                }
                double a = Math.sin(x / w * 4 + y / h * 2) * 1.2 + Math.PI / 2 * (y / h);
                double len = 26 + 22 * Math.abs(Math.sin(x / w * 3 + j));
                double x2 = x + Math.cos(a) * len;
                double y2 = y + Math.sin(a) * len;
                boolean fast = len > 42;
                g.setColor(fast ? APRICOT : new Color(255, 255, 255, 200));
                g.draw(new Line2D.Double(x, y, x2, y2));
                double head = 10;
                g.draw(new Line2D.Double(x2, y2, x2 - Math.cos(a - 0.5) * head, y2 - Math.sin(a - 0.5) * head));
                g.draw(new Line2D.Double(x2, y2, x2 - Math.cos(a + 0.5) * head, y2 - Math.sin(a + 0.5) * head));
            }
        }
        g.setColor(RED);
        g.fill(new Ellipse2D.Double(w * 0.2 - 14, h * 0.47 - 14, 28, 28));
        grain(img, 2, seed);
        return img;
    }

    /** A plan of the campus and the town around it, with the programme's building marked. */
    static BufferedImage campusMap(int w, int h) {
        Random r = new Random(53);
        BufferedImage img = canvas(w, h);
        Graphics2D g = graphics(img);
        g.setColor(rgb(0xF4F1EA));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
        // The sea along the right and bottom edges.
        Path2D sea = new Path2D.Double();
        sea.moveTo(w * 0.78, 0);
        sea.curveTo(w * 0.70, h * 0.30, w * 0.86, h * 0.52, w * 0.66, h * 0.74);
        sea.curveTo(w * 0.52, h * 0.88, w * 0.25, h * 0.84, 0, h * 0.92);
        sea.lineTo(0, h);
        sea.lineTo(w, h);
        sea.lineTo(w, 0);
        sea.closePath();
        g.setColor(rgb(0xBFD3EA));
        g.fill(sea);
        // Parks.
        g.setColor(rgb(0xCFE3C8));
        g.fill(new RoundRectangle2D.Double(w * 0.08, h * 0.10, w * 0.20, h * 0.18, 40, 40));
        g.fill(new RoundRectangle2D.Double(w * 0.45, h * 0.48, w * 0.14, h * 0.14, 40, 40));
        // Streets: a grid, slightly turned, and a coast road.
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(18f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 7; i++) {
            double x = w * (0.05 + i * 0.11);
            g.draw(new Line2D.Double(x, 0, x + w * 0.04, h * 0.86));
        }
        for (int j = 0; j < 6; j++) {
            double y = h * (0.06 + j * 0.14);
            g.draw(new Line2D.Double(0, y, w * 0.80, y + h * 0.03));
        }
        g.setStroke(new BasicStroke(26f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(rgb(0xF6D9A9));
        Path2D coast = new Path2D.Double();
        coast.moveTo(w * 0.72, 0);
        coast.curveTo(w * 0.64, h * 0.30, w * 0.80, h * 0.50, w * 0.60, h * 0.70);
        coast.curveTo(w * 0.48, h * 0.82, w * 0.22, h * 0.78, 0, h * 0.86);
        g.draw(coast);
        // The railway.
        g.setColor(rgb(0x8A93A6));
        g.setStroke(new BasicStroke(6f));
        g.draw(new Line2D.Double(0, h * 0.44, w * 0.70, h * 0.40));
        g.setStroke(new BasicStroke(14f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 22f}, 0f));
        g.draw(new Line2D.Double(0, h * 0.44, w * 0.70, h * 0.40));
        // Buildings.
        g.setColor(rgb(0xD9D4CA));
        for (int i = 0; i < 60; i++) {
            double x = w * r.nextDouble() * 0.74;
            double y = h * r.nextDouble() * 0.78;
            if (x > w * 0.08 && x < w * 0.28 && y > h * 0.10 && y < h * 0.28) {
                continue;
            }
            g.fill(new Rectangle2D.Double(x, y, w * (0.025 + r.nextDouble() * 0.03), h * (0.02 + r.nextDouble() * 0.03)));
        }
        // The campus and the programme's building.
        g.setColor(rgb(0xDCE4F1));
        g.fill(new RoundRectangle2D.Double(w * 0.30, h * 0.14, w * 0.26, h * 0.22, 30, 30));
        g.setColor(NAVY_MID);
        g.fill(new Rectangle2D.Double(w * 0.33, h * 0.17, w * 0.07, h * 0.06));
        g.fill(new Rectangle2D.Double(w * 0.44, h * 0.18, w * 0.09, h * 0.05));
        g.fill(new Rectangle2D.Double(w * 0.33, h * 0.27, w * 0.05, h * 0.06));
        g.setColor(RED);
        g.fill(new Rectangle2D.Double(w * 0.42, h * 0.26, w * 0.10, h * 0.07));
        pin(g, w * 0.47, h * 0.245, h * 0.05);
        // The station.
        g.setColor(NAVY);
        g.fill(new RoundRectangle2D.Double(w * 0.235, h * 0.395, w * 0.06, h * 0.04, 12, 12));
        // Labels.
        label(g, "Campus", w * 0.31, h * 0.125, 34, NAVY, false);
        label(g, "Computational Science Building", w * 0.36, h * 0.385, 30, RED, true);
        label(g, "Central Station", w * 0.19, h * 0.50, 30, NAVY, false);
        label(g, "Harbour", w * 0.70, h * 0.82, 34, rgb(0x2A3D66), false);
        label(g, "Lighthouse Park", w * 0.45, h * 0.665, 28, rgb(0x3F6B3A), false);
        label(g, "Old Town", w * 0.10, h * 0.66, 30, rgb(0x55627A), false);
        label(g, "Bus 4, 11", w * 0.56, h * 0.10, 26, rgb(0x55627A), false);
        // North arrow and a scale bar.
        Path2D arrow = new Path2D.Double();
        arrow.moveTo(w * 0.92, h * 0.06);
        arrow.lineTo(w * 0.935, h * 0.12);
        arrow.lineTo(w * 0.92, h * 0.105);
        arrow.lineTo(w * 0.905, h * 0.12);
        arrow.closePath();
        g.setColor(NAVY);
        g.fill(arrow);
        label(g, "N", w * 0.912, h * 0.16, 30, NAVY, true);
        g.setColor(NAVY);
        g.fill(new Rectangle2D.Double(w * 0.05, h * 0.955, w * 0.12, 8));
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(w * 0.11, h * 0.955 + 2, w * 0.06 - 2, 4));
        label(g, "500 m", w * 0.18, h * 0.967, 26, NAVY, false);
        return img;
    }

    /** The university's stand-in crest: a wave in a roundel beside the name, on transparency. */
    static BufferedImage crest(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(img);
        double d = h * 0.86;
        double x0 = h * 0.07;
        double y0 = (h - d) / 2;
        g.setColor(NAVY);
        g.fill(new Ellipse2D.Double(x0, y0, d, d));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (d * 0.05), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int k = 0; k < 3; k++) {
            Path2D wave = new Path2D.Double();
            double y = y0 + d * (0.42 + k * 0.14);
            wave.moveTo(x0 + d * 0.18, y);
            wave.curveTo(x0 + d * 0.35, y - d * 0.12, x0 + d * 0.5, y + d * 0.12, x0 + d * 0.66, y);
            wave.curveTo(x0 + d * 0.72, y - d * 0.05, x0 + d * 0.78, y - d * 0.05, x0 + d * 0.82, y);
            g.setColor(k == 0 ? APRICOT : Color.WHITE);
            g.draw(wave);
        }
        g.setColor(RED);
        g.fill(new Ellipse2D.Double(x0 + d * 0.44, y0 + d * 0.14, d * 0.14, d * 0.14));
        g.setColor(NAVY);
        g.setFont(vollkorn.deriveFont((float) (h * 0.30)));
        FontMetrics fm = g.getFontMetrics();
        g.drawString("Aldersea", (float) (x0 + d + h * 0.14), (float) (h * 0.47));
        g.setFont(lato.deriveFont((float) (h * 0.15)));
        g.setColor(rgb(0x55627A));
        String second = "U N I V E R S I T Y";
        g.drawString(second, (float) (x0 + d + h * 0.16), (float) (h * 0.75));
        return img;
    }

    static BufferedImage portrait(int size, String initials, int index) {
        Color[][] grounds = {{NAVY_MID, NAVY}, {TEAL, rgb(0x1D5F69)}, {rgb(0x7A4A8C), rgb(0x4E2C5E)},
            {rgb(0xB8563F), rgb(0x7E3422)}};
        Color[] ground = grounds[index % grounds.length];
        BufferedImage img = canvas(size, size);
        Graphics2D g = graphics(img);
        g.setPaint(new RadialGradientPaint(size * 0.35f, size * 0.3f, size * 0.9f, new float[] {0f, 1f}, ground));
        g.fill(new Rectangle2D.Double(0, 0, size, size));
        g.setColor(new Color(255, 255, 255, 24));
        g.fill(new Ellipse2D.Double(size * 0.31, size * 0.16, size * 0.38, size * 0.42));
        g.fill(new Ellipse2D.Double(size * 0.12, size * 0.62, size * 0.76, size * 0.62));
        g.setFont(latoBlack.deriveFont((float) (size * 0.30)));
        FontMetrics fm = g.getFontMetrics();
        int tw = fm.stringWidth(initials);
        g.setColor(Color.WHITE);
        g.drawString(initials, (size - tw) / 2f, size * 0.5f + fm.getAscent() * 0.36f);
        g.setColor(APRICOT);
        g.fill(new Rectangle2D.Double(size * 0.43, size * 0.68, size * 0.14, size * 0.014));
        return img;
    }

    // ---------------------------------------------------------------- motifs

    /** A colour ramp from navy through steel and sand to red, for values 0 to 1. */
    static Color ramp(double t) {
        t = Math.max(0, Math.min(1, t));
        Color[] stops = {NAVY_DEEP, NAVY_MID, STEEL, SKY, SAND, APRICOT, CORAL, RED};
        double x = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        return mix(stops[i], stops[i + 1], x - i);
    }

    static void house(Graphics2D g, double x, double ground, double w, double h, Color wall) {
        g.setColor(wall);
        g.fill(new Rectangle2D.Double(x, ground - h, w, h));
        Path2D roof = new Path2D.Double();
        roof.moveTo(x - w * 0.08, ground - h);
        roof.lineTo(x + w * 0.5, ground - h - h * 0.45);
        roof.lineTo(x + w * 1.08, ground - h);
        roof.closePath();
        g.setColor(mix(wall, NAVY_DEEP, 0.45));
        g.fill(roof);
        g.setColor(rgb(0xFFE9B5));
        g.fill(new Rectangle2D.Double(x + w * 0.3, ground - h * 0.65, w * 0.22, h * 0.25));
    }

    static void boat(Graphics2D g, double x, double y, double len, Color sail) {
        Path2D hull = new Path2D.Double();
        hull.moveTo(x, y);
        hull.lineTo(x + len, y);
        hull.lineTo(x + len * 0.85, y + len * 0.16);
        hull.lineTo(x + len * 0.12, y + len * 0.16);
        hull.closePath();
        g.setColor(rgb(0xF7F3EC));
        g.fill(hull);
        Path2D s = new Path2D.Double();
        s.moveTo(x + len * 0.5, y - len * 0.02);
        s.lineTo(x + len * 0.5, y - len * 0.7);
        s.lineTo(x + len * 0.85, y - len * 0.02);
        s.closePath();
        g.setColor(sail);
        g.fill(s);
    }

    static void pin(Graphics2D g, double x, double tip, double size) {
        Path2D p = new Path2D.Double();
        p.moveTo(x, tip);
        p.curveTo(x - size * 0.6, tip - size * 0.6, x - size * 0.5, tip - size * 1.3, x, tip - size * 1.3);
        p.curveTo(x + size * 0.5, tip - size * 1.3, x + size * 0.6, tip - size * 0.6, x, tip);
        g.setColor(RED);
        g.fill(p);
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(x - size * 0.18, tip - size * 1.02, size * 0.36, size * 0.36));
    }

    static void label(Graphics2D g, String text, double x, double y, float size, Color c, boolean bold) {
        g.setFont((bold ? latoBlack : lato).deriveFont(size));
        FontMetrics fm = g.getFontMetrics();
        // A paper halo keeps the label legible over streets.
        g.setColor(new Color(244, 241, 234, 220));
        g.fill(new RoundRectangle2D.Double(x - 8, y - fm.getAscent(), fm.stringWidth(text) + 16, fm.getAscent() + fm.getDescent(),
                12, 12));
        g.setColor(c);
        g.drawString(text, (float) x, (float) y);
    }

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
        System.out.printf(Locale.ROOT, "%-58s %5d kB%n", name, Files.size(out) / 1024);
    }

    static void png(String name, BufferedImage img) throws IOException {
        Path out = root.resolve(name);
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", new File(out.toString()));
        System.out.printf(Locale.ROOT, "%-58s %5d kB%n", name, Files.size(out) / 1024);
    }
}
