package be.bolwerk.assessment.document;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The radar chart of a PDF report, drawn on the server (a PDF runs no script). Same series and colours as
 * the page's chart; text in the bundled DejaVu font so the server needs no fonts of its own.
 */
public final class RadarImage {

    /** One line of the chart; {@code null} where an area has no score. */
    public record Series(String label, List<Double> values, Color colour, boolean dashed) {}

    static final Color THIS_ONE = new Color(0x1f, 0x5f, 0x8b);
    static final Color PREVIOUS = new Color(0x8a, 0x53, 0x00);
    static final Color PEERS = new Color(0x4a, 0x55, 0x63);

    private static final Color GRID = new Color(0xc9, 0xd1, 0xdb);
    private static final Color MUTED = new Color(0x4a, 0x55, 0x63);
    private static final Color TEXT = new Color(0x1b, 0x24, 0x30);

    static final int SIZE = 900;
    private static final int LEGEND_LINE = 32;
    private static final Font FONT = font();

    private RadarImage() {}

    /**
     * Draws the chart. {@code axes} are short labels ({@link be.bolwerk.assessment.scoring.RadarLabels}): a full
     * title cannot fit around the circle, and a label is never cut off (it is shrunk to fit if it must). The
     * scale runs from 0 at the centre to 5 at the edge, every step labelled.
     */
    static byte[] png(List<String> axes, List<Series> series) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, SIZE, SIZE);
            int legendHeight = LEGEND_LINE * series.size() + 10;
            int centre = (SIZE - legendHeight) / 2 + 10;
            int cx = SIZE / 2;
            double radius = (SIZE - legendHeight) * 0.36;
            int n = Math.max(3, axes.size());
            g.setFont(FONT.deriveFont(20f));
            for (int level = 1; level <= 5; level++) {
                g.setColor(GRID);
                g.drawPolygon(polygon(cx, centre, radius * level / 5, n, null));
            }
            for (int i = 0; i < axes.size(); i++) {
                double angle = angle(i, n);
                g.setColor(GRID);
                g.drawLine(
                        cx, centre, (int) (cx + radius * Math.cos(angle)), (int) (centre + radius * Math.sin(angle)));
                drawAxisLabel(g, axes.get(i), angle, cx, centre, radius);
            }
            // The scale, from 0 at the centre to 5 on the outer ring, beside the first axis.
            g.setColor(MUTED);
            g.setFont(FONT.deriveFont(17f));
            for (int level = 0; level <= 5; level++) {
                g.drawString(
                        String.valueOf(level), cx + 6, (int) (centre - radius * level / 5) + (level == 0 ? 18 : 6));
            }
            g.setFont(FONT.deriveFont(20f));
            int legendY = SIZE - legendHeight + 16;
            for (Series line : series) {
                g.setColor(line.colour());
                g.setStroke(stroke(line));
                double[] scaled = new double[n];
                for (int i = 0; i < line.values().size() && i < n; i++) {
                    Double value = line.values().get(i);
                    scaled[i] = value == null ? 0 : radius * value / 5;
                }
                g.drawPolygon(polygon(cx, centre, 0, n, scaled));
                g.drawLine(20, legendY, 90, legendY);
                g.setStroke(new BasicStroke(1f));
                g.setColor(TEXT);
                g.drawString(line.label(), 100, legendY + 7);
                legendY += LEGEND_LINE;
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The label placements for {@code axes} in a chart of {@code seriesCount} series, for checking the layout. */
    static List<Placement> placements(List<String> axes, int seriesCount) {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            int legendHeight = LEGEND_LINE * seriesCount + 10;
            int centre = (SIZE - legendHeight) / 2 + 10;
            double radius = (SIZE - legendHeight) * 0.36;
            int n = Math.max(3, axes.size());
            List<Placement> placements = new java.util.ArrayList<>();
            for (int i = 0; i < axes.size(); i++) {
                placements.add(place(axes.get(i), angle(i, n), SIZE / 2, centre, radius, g));
            }
            return placements;
        } finally {
            g.dispose();
        }
    }

    /** Where an axis label goes: outside the ring, on the side its axis points to, always inside the image. */
    record Placement(int x, int y, int width, float size) {}

    static Placement place(String label, double angle, int cx, int centre, double radius, Graphics2D g) {
        float size = 20f;
        int width = g.getFontMetrics(FONT.deriveFont(size)).stringWidth(label);
        // A label wider than the room beside the ring is made smaller, never cut.
        double room = SIZE / 2.0 - radius - 32;
        while (width > room && Math.abs(Math.cos(angle)) > 0.2 && size > 12f) {
            size -= 1f;
            width = g.getFontMetrics(FONT.deriveFont(size)).stringWidth(label);
        }
        double cos = Math.cos(angle);
        // Labels above and below the circle stand further off, clear of the scale's figures on the first axis.
        double off = radius + (Math.abs(cos) < 0.2 ? 30 : 16);
        int x = (int) (cx + off * cos) - (cos < -0.2 ? width : cos > 0.2 ? 0 : width / 2);
        int y = (int) (centre + off * Math.sin(angle)) + (Math.sin(angle) > 0.2 ? (int) size : 6);
        x = Math.max(4, Math.min(SIZE - width - 4, x));
        return new Placement(x, y, width, size);
    }

    private static void drawAxisLabel(Graphics2D g, String label, double angle, int cx, int centre, double radius) {
        Placement at = place(label, angle, cx, centre, radius, g);
        g.setFont(FONT.deriveFont(at.size()));
        g.setColor(TEXT);
        g.drawString(label, at.x(), at.y());
        g.setFont(FONT.deriveFont(20f));
    }

    private static BasicStroke stroke(Series line) {
        return line.dashed()
                ? new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {12f, 8f}, 0f)
                : new BasicStroke(3f);
    }

    private static double angle(int i, int n) {
        return -Math.PI / 2 + 2 * Math.PI * i / n;
    }

    private static Polygon polygon(int cx, int cy, double radius, int n, double[] radii) {
        Polygon polygon = new Polygon();
        for (int i = 0; i < n; i++) {
            double r = radii == null ? radius : radii[i];
            polygon.addPoint((int) Math.round(cx + r * Math.cos(angle(i, n))), (int)
                    Math.round(cy + r * Math.sin(angle(i, n))));
        }
        return polygon;
    }

    private static Font font() {
        try (InputStream in = RadarImage.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("bundled font missing", e);
        }
    }
}
