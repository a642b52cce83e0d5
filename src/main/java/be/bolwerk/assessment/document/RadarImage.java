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

    private static final int SIZE = 900;
    private static final Font FONT = font();

    private RadarImage() {}

    static byte[] png(List<String> axes, List<Series> series) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, SIZE, SIZE);
            int centre = SIZE / 2;
            double radius = SIZE * 0.32;
            int n = Math.max(3, axes.size());
            g.setFont(FONT.deriveFont(18f));
            for (int level = 1; level <= 5; level++) {
                g.setColor(new Color(0xc9, 0xd1, 0xdb));
                g.drawPolygon(polygon(centre, radius * level / 5, n, null));
                g.setColor(new Color(0x4a, 0x55, 0x63));
                g.drawString(String.valueOf(level), centre + 4, (int) (centre - radius * level / 5) + 6);
            }
            for (int i = 0; i < axes.size(); i++) {
                double angle = angle(i, n);
                int x = (int) (centre + radius * Math.cos(angle));
                int y = (int) (centre + radius * Math.sin(angle));
                g.setColor(new Color(0xc9, 0xd1, 0xdb));
                g.drawLine(centre, centre, x, y);
                String label = axes.get(i).length() > 28 ? axes.get(i).substring(0, 27) + "…" : axes.get(i);
                int width = g.getFontMetrics().stringWidth(label);
                int lx = (int) (centre + (radius + 24) * Math.cos(angle))
                        - (Math.cos(angle) < -0.2 ? width : Math.cos(angle) > 0.2 ? 0 : width / 2);
                int ly = (int) (centre + (radius + 24) * Math.sin(angle)) + 6;
                g.setColor(new Color(0x1b, 0x24, 0x30));
                g.drawString(label, Math.max(4, Math.min(SIZE - width - 4, lx)), ly);
            }
            int legendY = SIZE - 30 * series.size() - 10;
            for (Series line : series) {
                g.setColor(line.colour());
                g.setStroke(
                        line.dashed()
                                ? new BasicStroke(
                                        3f,
                                        BasicStroke.CAP_ROUND,
                                        BasicStroke.JOIN_ROUND,
                                        1f,
                                        new float[] {12f, 8f},
                                        0f)
                                : new BasicStroke(3f));
                double[] scaled = new double[n];
                boolean[] present = new boolean[n];
                for (int i = 0; i < line.values().size() && i < n; i++) {
                    Double value = line.values().get(i);
                    present[i] = value != null;
                    scaled[i] = value == null ? 0 : radius * value / 5;
                }
                g.drawPolygon(polygon(centre, 0, n, scaled));
                g.drawLine(20, legendY, 70, legendY);
                g.setColor(new Color(0x1b, 0x24, 0x30));
                g.drawString(line.label(), 80, legendY + 6);
                legendY += 30;
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

    private static double angle(int i, int n) {
        return -Math.PI / 2 + 2 * Math.PI * i / n;
    }

    private static Polygon polygon(int centre, double radius, int n, double[] radii) {
        Polygon polygon = new Polygon();
        for (int i = 0; i < n; i++) {
            double r = radii == null ? radius : radii[i];
            polygon.addPoint((int) Math.round(centre + r * Math.cos(angle(i, n))), (int)
                    Math.round(centre + r * Math.sin(angle(i, n))));
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
