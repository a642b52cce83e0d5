package be.bolwerk.incident.dashboard;

import be.bolwerk.shared.BelgianTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The dashboard's tables as CSV for the programme council (semicolons, as Belgian spreadsheets expect). Every cell
 * is quoted, and one that a spreadsheet would read as a formula ({@code = + - @}, tab, return) gets a leading
 * apostrophe: a reference or an organisation name is text, never a formula.
 */
final class DashboardCsv {

    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BelgianTime.ZONE);

    private final StringBuilder out = new StringBuilder("\uFEFF");

    DashboardCsv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    static String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant);
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
